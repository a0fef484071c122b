using Microsoft.Extensions.Options;

namespace HeaderSync.Engine.Graph;

internal sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        // The SDK's batch code cuts exactly five characters off the base URL: it must end in /v1.0.
        var valid = Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var url)
            && url.Scheme is "http" or "https"
            && url.AbsolutePath.EndsWith("/v1.0", StringComparison.Ordinal);

        return valid
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Graph:BaseUrl '{options.BaseUrl}' must be an absolute URL ending in /v1.0.");
    }
}
