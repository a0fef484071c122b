using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Azure.Core;

namespace HeaderSync.Web.Simulation;

/// <summary>
/// App-only tokens from the simulated tenant's token endpoint (client credentials). MSAL
/// refuses an http authority, so this small credential stands in for Azure.Identity's in
/// Development; tokens are cached until shortly before they expire.
/// </summary>
internal sealed class SimulatorTokenCredential(
    HttpClient http, Uri tokenEndpoint, string clientId, string clientSecret, TimeProvider time) : TokenCredential, IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private AccessToken? cached;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The engine asks for tokens asynchronously only.");

    public override async ValueTask<AccessToken> GetTokenAsync(
        TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        if (cached is { } token && token.ExpiresOn - RefreshMargin > time.GetUtcNow())
        {
            return token;
        }

        await refreshing.WaitAsync(cancellationToken);
        try
        {
            if (cached is { } fresh && fresh.ExpiresOn - RefreshMargin > time.GetUtcNow())
            {
                return fresh;
            }

            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = clientSecret,
                ["scope"] = string.Join(' ', requestContext.Scopes),
            });
            using var response = await http.PostAsync(tokenEndpoint, form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(
                    $"The simulated tenant refused a token ({(int)response.StatusCode}): "
                    + await response.Content.ReadAsStringAsync(cancellationToken));
            }

            var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken)
                ?? throw new InvalidOperationException("The simulated tenant answered an empty token.");
            cached = new AccessToken(answer.AccessToken, time.GetUtcNow().AddSeconds(answer.ExpiresIn));
            return cached.Value;
        }
        finally
        {
            refreshing.Release();
        }
    }

    public void Dispose() => refreshing.Dispose();

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
