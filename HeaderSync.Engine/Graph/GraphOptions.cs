namespace HeaderSync.Engine.Graph;

/// <summary>The <c>Graph</c> configuration section: the engine's app-only access to mail.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? CertificatePath { get; set; }

    /// <summary>Where app-only tokens come from: Entra ID's public cloud unless told otherwise.</summary>
    public string AuthorityHost { get; set; } = DefaultAuthorityHost;

    public const string DefaultAuthorityHost = "https://login.microsoftonline.com/";

    /// <summary>The scope app-only tokens are asked for: Graph's resource, whatever host serves it.</summary>
    public string Scope { get; set; } = "https://graph.microsoft.com/.default";
}
