using Azure.Core;
using Azure.Identity;
using HeaderSync.Engine.Graph;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HeaderSync.Tests.Graph;

public sealed class CachingTokenCredentialTests
{
    private static readonly TokenRequestContext GraphScope = new(["https://graph.microsoft.com/.default"]);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ATokenIsReusedUntilFiveMinutesBeforeItExpiresThenRenewed()
    {
        var issuer = new CountingIssuer(clock, TimeSpan.FromMinutes(60));
        using var credential = new CachingTokenCredential(issuer, clock, NullLogger<CachingTokenCredential>.Instance);

        var first = await credential.GetTokenAsync(GraphScope, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(54));
        var stillFirst = await credential.GetTokenAsync(GraphScope, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var renewed = await credential.GetTokenAsync(GraphScope, CancellationToken.None);

        Assert.Equal("token-1", first.Token);
        Assert.Equal("token-1", stillFirst.Token);
        Assert.Equal("token-2", renewed.Token);
        Assert.Equal(2, issuer.Requests);
        Assert.True(renewed.ExpiresOn > clock.GetUtcNow() + CachingTokenCredential.RefreshMargin);
    }

    [Fact]
    public async Task TheIssuersRefreshTimeRenewsEarlier()
    {
        var issuer = new CountingIssuer(clock, TimeSpan.FromMinutes(120), refreshAfter: TimeSpan.FromMinutes(60));
        using var credential = new CachingTokenCredential(issuer, clock, NullLogger<CachingTokenCredential>.Instance);

        await credential.GetTokenAsync(GraphScope, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(61));
        var renewed = await credential.GetTokenAsync(GraphScope, CancellationToken.None);

        Assert.Equal("token-2", renewed.Token);
    }

    [Fact]
    public async Task ManyMailboxesAskingAtOnceCauseOneTokenRequest()
    {
        var issuer = new CountingIssuer(clock, TimeSpan.FromMinutes(60), delay: TimeSpan.FromMilliseconds(50));
        using var credential = new CachingTokenCredential(issuer, clock, NullLogger<CachingTokenCredential>.Instance);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 16).Select(
            _ => credential.GetTokenAsync(GraphScope, CancellationToken.None).AsTask()));

        Assert.Equal(1, issuer.Requests);
        Assert.All(tokens, t => Assert.Equal("token-1", t.Token));
    }

    [Fact]
    public async Task AFailedRenewalKeepsTheValidTokenAndTriesAgainAfterAPause()
    {
        var issuer = new CountingIssuer(clock, TimeSpan.FromMinutes(60));
        using var credential = new CachingTokenCredential(issuer, clock, NullLogger<CachingTokenCredential>.Instance);
        await credential.GetTokenAsync(GraphScope, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(56));
        issuer.Refuse = true;

        var kept = await credential.GetTokenAsync(GraphScope, CancellationToken.None);
        var keptWithoutAsking = await credential.GetTokenAsync(GraphScope, CancellationToken.None);
        issuer.Refuse = false;
        clock.Advance(CachingTokenCredential.RetryPause);
        var renewed = await credential.GetTokenAsync(GraphScope, CancellationToken.None);

        Assert.Equal("token-1", kept.Token);
        Assert.Equal("token-1", keptWithoutAsking.Token);
        Assert.Equal("token-3", renewed.Token);
        Assert.Equal(3, issuer.Requests);
    }

    [Fact]
    public async Task OnceTheTokenHasExpiredAFailedRenewalReachesTheCaller()
    {
        var issuer = new CountingIssuer(clock, TimeSpan.FromMinutes(60));
        using var credential = new CachingTokenCredential(issuer, clock, NullLogger<CachingTokenCredential>.Instance);
        await credential.GetTokenAsync(GraphScope, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(61));
        issuer.Refuse = true;

        await Assert.ThrowsAsync<AuthenticationFailedException>(
            () => credential.GetTokenAsync(GraphScope, CancellationToken.None).AsTask());
    }

    /// <summary>Issues numbered tokens on the fake clock, or refuses like Entra does a bad secret.</summary>
    private sealed class CountingIssuer(
        TimeProvider clock, TimeSpan lifetime, TimeSpan? refreshAfter = null, TimeSpan? delay = null) : TokenCredential
    {
        private int requests;

        public int Requests => requests;

        public bool Refuse { get; set; }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override async ValueTask<AccessToken> GetTokenAsync(
            TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            var number = Interlocked.Increment(ref requests);
            if (delay is { } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }

            if (Refuse)
            {
                throw new AuthenticationFailedException("AADSTS7000215: Invalid client secret provided.");
            }

            var now = clock.GetUtcNow();
            return new AccessToken($"token-{number}", now + lifetime, now + refreshAfter, "Bearer");
        }
    }
}
