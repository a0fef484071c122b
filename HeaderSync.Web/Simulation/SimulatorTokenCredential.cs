using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Azure.Core;
using Azure.Identity;

namespace HeaderSync.Web.Simulation;

/// <summary>
/// App-only tokens from the simulated tenant's plain-http token endpoint (client credentials).
/// MSAL refuses an http authority, so this small credential stands in for Azure.Identity's in
/// Development; <see cref="Engine.Graph.CachingTokenCredential"/> keeps and renews its tokens.
/// </summary>
internal sealed class SimulatorTokenCredential(
    HttpClient http, Uri tokenEndpoint, string clientId, string clientSecret, TimeProvider time) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The engine asks for tokens asynchronously only.");

    public override async ValueTask<AccessToken> GetTokenAsync(
        TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
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
            // The same exception as Azure.Identity's, so a refused credential reads the same in both.
            throw new AuthenticationFailedException(
                $"The simulated tenant refused a token ({(int)response.StatusCode}): "
                + await response.Content.ReadAsStringAsync(cancellationToken));
        }

        var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken)
            ?? throw new InvalidOperationException("The simulated tenant answered an empty token.");
        return new AccessToken(answer.AccessToken, time.GetUtcNow().AddSeconds(answer.ExpiresIn));
    }

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
