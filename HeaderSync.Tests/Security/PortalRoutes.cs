using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace HeaderSync.Tests.Security;

/// <summary>One request per routable endpoint of a running portal: pages, minimal APIs, hubs.</summary>
internal sealed partial record PortalRoute(string Method, string Path, bool IsPage, bool IsAnonymous)
{
    public static IReadOnlyList<PortalRoute> Discover(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => new PortalRoute(
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is [var method, ..] ? method : "GET",
                Concrete(e.RoutePattern.RawText ?? "/"),
                e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null,
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
            .Distinct()
            .OrderBy(r => r.Path, StringComparer.Ordinal)];

    public static int CountStaticAssets(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .Count(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is not null);

    public HttpRequestMessage Request(bool html)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(Path, UriKind.Relative));
        if (html)
        {
            request.Headers.Accept.ParseAdd("text/html");
        }

        return request;
    }

    public override string ToString() => $"{Method} {Path}";

    // Route parameters get a plausible value; a request only has to reach authorization.
    private static string Concrete(string pattern) =>
        "/" + Parameter().Replace(pattern.TrimStart('/'), "x");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
