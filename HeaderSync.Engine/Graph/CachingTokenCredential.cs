using Azure.Core;
using Microsoft.Extensions.Logging;

namespace HeaderSync.Engine.Graph;

/// <summary>
/// Keeps the engine's app-only tokens, one per scope set, on the injected clock: a token is
/// renewed when it comes within <see cref="RefreshMargin"/> of expiring (or past the refresh
/// time its issuer names), by one request however many mailboxes ask at once. If the renewal
/// fails while the old token is still valid, the old one serves on and the renewal is tried
/// again after <see cref="RetryPause"/>; once it has expired the failure reaches the caller.
/// </summary>
public sealed class CachingTokenCredential(
    TokenCredential inner, TimeProvider time, ILogger<CachingTokenCredential> logger)
    : TokenCredential, IDisposable
{
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim renewing = new(1, 1);
    private readonly Dictionary<string, Held> tokens = new(StringComparer.Ordinal);

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The engine asks for tokens asynchronously only.");

    public override async ValueTask<AccessToken> GetTokenAsync(
        TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var key = string.Join(' ', requestContext.Scopes) + "|" + requestContext.TenantId + "|" + requestContext.Claims;
        await renewing.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            tokens.TryGetValue(key, out var held);
            if (held is not null && (Fresh(held.Token, now) || (held.Token.ExpiresOn > now && now < held.RetryAt)))
            {
                return held.Token;
            }

            try
            {
                var token = await inner.GetTokenAsync(requestContext, cancellationToken);
                tokens[key] = new Held(token, RetryAt: DateTimeOffset.MinValue);
                return token;
            }
            catch (Exception failure) when (held is not null && held.Token.ExpiresOn > now
                && failure is not OperationCanceledException)
            {
                GraphCredentialLog.RefreshFailed(logger, held.Token.ExpiresOn, failure);
                tokens[key] = held with { RetryAt = now + RetryPause };
                return held.Token;
            }
        }
        finally
        {
            renewing.Release();
        }
    }

    public void Dispose() => renewing.Dispose();

    private static bool Fresh(AccessToken token, DateTimeOffset now) =>
        now < token.ExpiresOn - RefreshMargin && (token.RefreshOn is not { } refreshOn || now < refreshOn);

    private sealed record Held(AccessToken Token, DateTimeOffset RetryAt);
}
