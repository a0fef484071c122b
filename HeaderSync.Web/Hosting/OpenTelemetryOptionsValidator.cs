using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace HeaderSync.Web.Hosting;

internal sealed class OpenTelemetryOptionsValidator : IValidateOptions<OpenTelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenTelemetryOptions options) =>
        string.IsNullOrWhiteSpace(options.OtlpEndpoint) || TryParse(options.OtlpEndpoint, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{OpenTelemetryOptions.OtlpEndpointKey} "
                + $"'{options.OtlpEndpoint}' is not an absolute http(s) URL.");

    public static bool TryParse(string? value, [NotNullWhen(true)] out Uri? endpoint)
    {
        endpoint = Uri.TryCreate(value, UriKind.Absolute, out var url)
            && url.Scheme is "http" or "https" ? url : null;
        return endpoint is not null;
    }
}
