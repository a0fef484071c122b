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

        var builder = new ValidateOptionsResultBuilder();
        if (!valid)
        {
            builder.AddError($"Graph:BaseUrl '{options.BaseUrl}' must be an absolute URL ending in /v1.0.");
        }

        // Azure.Identity refuses a plain-http authority; say so at start rather than at the first sync.
        if (!(Uri.TryCreate(options.AuthorityHost, UriKind.Absolute, out var authority) && authority.Scheme == "https"))
        {
            builder.AddError($"Graph:AuthorityHost '{options.AuthorityHost}' must be an absolute https URL.");
        }

        return builder.Build();
    }
}
