using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace HeaderSync.Web.Security;

/// <summary>
/// Re-checks an open circuit's user every few minutes: the session must not have ended and the
/// admin role must still be in the principal. The roles come from the id token at sign-in, so a
/// role revoked in Entra takes effect at the next sign-in (see README, Known limitations).
/// </summary>
internal sealed class AdminRevalidatingStateProvider(
    ILoggerFactory loggerFactory, TimeProvider time, IOptions<SignInOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval =>
        TimeSpan.FromMinutes(options.Value.RevalidateMinutes);

    private readonly ILogger logger = loggerFactory.CreateLogger<AdminRevalidatingStateProvider>();

    protected override Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var valid = IsStillValid(authenticationState, time.GetUtcNow());
        if (!valid)
        {
            SignInLog.CircuitSessionEnded(logger);
        }

        return Task.FromResult(valid);
    }

    internal static bool IsStillValid(AuthenticationState state, DateTimeOffset now) =>
        AdminRole.IsHeldBy(state.User) && PortalCookie.ExpiresAt(state.User) is { } expires && now < expires;
}
