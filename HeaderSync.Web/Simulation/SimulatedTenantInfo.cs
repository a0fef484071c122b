using System.Text.Json.Serialization;

namespace HeaderSync.Web.Simulation;

/// <summary>What the simulated tenant says of itself at <c>/_simulator/tenant</c>.</summary>
public sealed record SimulatedTenantInfo(
    [property: JsonPropertyName("tenantId")] string TenantId,
    [property: JsonPropertyName("clientId")] string ClientId,
    [property: JsonPropertyName("clientSecret")] string ClientSecret)
{
    /// <summary>The portal's own app registration, which users sign in to.</summary>
    [JsonPropertyName("portalClientId")]
    public string PortalClientId { get; init; } = "";

    [JsonPropertyName("portalClientSecret")]
    public string PortalClientSecret { get; init; } = "";

    /// <summary>The root URL, ending in a slash, without <c>/v1.0</c>.</summary>
    [JsonIgnore]
    public Uri Root { get; init; } = null!;

    public Uri TokenEndpoint => new(Root, $"{TenantId}/oauth2/v2.0/token");

    public string GraphBaseUrl => new Uri(Root, "v1.0").AbsoluteUri;
}
