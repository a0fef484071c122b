using HeaderSync.Simulator.Hosting;
using HeaderSync.Simulator.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace HeaderSync.Simulator.Graph;

/// <summary>Maps <c>{root}/v1.0/*</c> onto the Graph pipeline, behind bearer-token checks.</summary>
internal static class GraphEndpoints
{
    public static IEndpointRouteBuilder MapGraph(this IEndpointRouteBuilder app)
    {
        app.Map("/v1.0/{**path}", HandleAsync).DisableAntiforgery();
        return app;
    }

    private static async Task HandleAsync(
        HttpContext http, GraphPipeline pipeline, GraphTokenValidator tokens, ILogger<GraphPipeline> logger)
    {
        var ct = http.RequestAborted;
        var request = http.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();

        var path = request.Path.Value ?? "/v1.0";
        var record = pipeline.Log.Begin(request.Method, path, request.QueryString.Value?.TrimStart('?') ?? "",
            body.Length, batchSequence: null);
        var graphRequest = new GraphRequest(
            request.Method,
            path["/v1.0".Length..],
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            $"{request.Scheme}://{request.Host}/v1.0",
            body,
            record);

        GraphResponse response;
        var authorization = request.Headers.Authorization.ToString();
        var rejection = await tokens.RejectAsync(authorization.Length > 0 ? authorization : null, ct);
        if (rejection is not null)
        {
            logger.GraphRejectedToken(path, rejection);
            response = GraphErrors.Create(401, "InvalidAuthenticationToken", rejection, pipeline.Now)
                .WithHeader("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\"");
        }
        else
        {
            try
            {
                response = await pipeline.ExecuteAsync(graphRequest, ct);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.GraphFailed(exception, path);
                response = GraphErrors.Create(
                    500, "InternalServerError", "The simulator failed.", pipeline.Now);
            }
        }

        http.Response.StatusCode = response.Status;
        http.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }

        http.Response.ContentLength = response.Body.Length;
        await http.Response.Body.WriteAsync(response.Body, ct);
        pipeline.Log.End(record, response.Status, response.Body.Length);
    }
}
