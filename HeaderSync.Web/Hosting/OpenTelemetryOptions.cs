namespace HeaderSync.Web.Hosting;

/// <summary>The <c>OpenTelemetry</c> section: where the engine's metrics go.</summary>
public sealed class OpenTelemetryOptions
{
    public const string Section = "OpenTelemetry";

    public const string OtlpEndpointKey = Section + ":" + nameof(OtlpEndpoint);

    // Off when empty: nothing is exported and no exporter is built.
    public string? OtlpEndpoint { get; set; }
}
