using System.Net.Http.Json;
using System.Text.Json.Serialization;
using HeaderSync.Simulator;
using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Tests.Infrastructure;

/// <summary>Client-credentials tokens from the simulated tenant, as an automation client gets them from Entra.</summary>
internal static class TenantTokens
{
    /// <summary>A token for the portal's own API: <c>api://{portalClientId}/.default</c>.</summary>
    public static async Task<string> ForPortalAsync(SimulatedTenant tenant, TenantApplication app)
    {
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = app.ClientId,
            ["client_secret"] = app.ClientSecret,
            ["scope"] = $"api://{tenant.Directory.PortalApp.ClientId}/.default",
        });
        var endpoint = new Uri(tenant.RootUrl, $"{tenant.TenantId}/oauth2/v2.0/token");
        using var response = await http.PostAsync(endpoint, form);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return token!.AccessToken;
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);
}
