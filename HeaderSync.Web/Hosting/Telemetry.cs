using HeaderSync.Engine.Diagnostics;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace HeaderSync.Web.Hosting;

/// <summary>Exports the engine's <c>HeaderSync</c> meter when an OTLP endpoint is set.</summary>
internal static class Telemetry
{
    public static WebApplicationBuilder AddHeaderSyncTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OpenTelemetryOptions>()
            .BindConfiguration(OpenTelemetryOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<
            IValidateOptions<OpenTelemetryOptions>, OpenTelemetryOptionsValidator>();

        // Whether to export decides which services exist, so it is read before the host is
        // built; a bad value builds nothing here and fails the start through the validator.
        var configured = builder.Configuration[OpenTelemetryOptions.OtlpEndpointKey];
        if (!OpenTelemetryOptionsValidator.TryParse(configured, out var endpoint))
        {
            return builder;
        }

        // Metrics only: the engine records no traces yet (README, Known limitations).
        // The command line never starts its host, yet exports too: its start-up validation
        // starts the metrics listeners, and disposing the host sends what is left.
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SyncMetrics.MeterName)
            .AddOtlpExporter(exporter => exporter.Endpoint = endpoint));
        return builder;
    }
}
