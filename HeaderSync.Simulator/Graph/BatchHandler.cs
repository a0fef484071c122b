using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace HeaderSync.Simulator.Graph;

/// <summary>
/// <c>POST /$batch</c>: at most 20 requests, run in order, each answered with its own status;
/// a request whose <c>dependsOn</c> failed gets 424.
/// </summary>
internal static class BatchHandler
{
    private const int MaxRequests = 20;
    private const int MaxParallel = 4;

    public static async Task<GraphResponse> HandleAsync(
        GraphPipeline pipeline, GraphRequest batch, CancellationToken ct)
    {
        var now = pipeline.Now;
        if (!string.Equals(batch.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return GraphErrors.BadRequest("$batch accepts only POST.", now);
        }

        JsonArray? requests;
        try
        {
            requests = JsonNode.Parse(batch.Body)?["requests"] as JsonArray;
        }
        catch (JsonException)
        {
            requests = null;
        }

        if (requests is null || requests.Count == 0)
        {
            return GraphErrors.BadRequest("Invalid batch payload: a 'requests' array is required.", now);
        }

        if (requests.Count > MaxRequests)
        {
            return GraphErrors.BadRequest(
                $"Number of requests in batch exceeds the limit of {MaxRequests}.", now);
        }

        // Outlook runs up to four requests of a batch at a time; dependsOn orders the rest.
        using var parallel = new SemaphoreSlim(MaxParallel);
        var started = new Dictionary<string, Task<GraphResponse>>();
        var answers = new List<(string Id, Task<GraphResponse> Response)>();
        foreach (var item in requests.OfType<JsonObject>())
        {
            var id = item["id"]?.GetValue<string>() ?? "";
            var dependencies = (item["dependsOn"] as JsonArray)?
                .Select(d => started.GetValueOrDefault(d?.GetValue<string>() ?? ""))
                .ToList() ?? [];
            var response = RunAfterAsync(pipeline, batch, item, dependencies, parallel, ct);
            started[id] = response;
            answers.Add((id, response));
        }

        await Task.WhenAll(answers.Select(a => a.Response));

        var body = JsonBuffer.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("responses");
            foreach (var (id, response) in answers)
            {
                Write(w, id, response.Result);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        return GraphResponse.Json(200, body);
    }

    private static async Task<GraphResponse> RunAfterAsync(
        GraphPipeline pipeline, GraphRequest batch, JsonObject item, List<Task<GraphResponse>?> dependencies,
        SemaphoreSlim parallel, CancellationToken ct)
    {
        foreach (var dependency in dependencies)
        {
            // An unknown id, or one not listed earlier, counts as a failed dependency.
            if (dependency is null || (await dependency).Status >= 400)
            {
                return GraphErrors.Create(
                    424, "FailedDependency", "A request this one depends on failed.", pipeline.Now);
            }
        }

        await parallel.WaitAsync(ct);
        try
        {
            return await RunAsync(pipeline, batch, item, ct);
        }
        finally
        {
            parallel.Release();
        }
    }

    private static async Task<GraphResponse> RunAsync(
        GraphPipeline pipeline, GraphRequest batch, JsonObject item, CancellationToken ct)
    {
        var method = item["method"]?.GetValue<string>() ?? "GET";
        var url = item["url"]?.GetValue<string>() ?? "";
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? url : url[..queryStart];
        var queryText = queryStart < 0 ? "" : url[(queryStart + 1)..];
        if (path.StartsWith("/v1.0", StringComparison.OrdinalIgnoreCase))
        {
            path = path[5..];
        }

        var query = QueryHelpers.ParseQuery(queryText)
            .ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (item["headers"] is JsonObject itemHeaders)
        {
            foreach (var (name, value) in itemHeaders)
            {
                headers[name] = value?.ToString() ?? "";
            }
        }

        var body = item["body"] is { } node ? JsonSerializer.SerializeToUtf8Bytes(node) : [];
        var record = pipeline.Log.Begin(method, "/v1.0/" + path.TrimStart('/'), queryText, body.Length,
            batch.Record.Sequence);
        var request = new GraphRequest(method, path, query, headers, batch.ServiceRoot, body, record);
        var response = await pipeline.ExecuteAsync(request, ct);
        pipeline.Log.End(record, response.Status, response.Body.Length);
        return response;
    }

    private static void Write(Utf8JsonWriter w, string id, GraphResponse response)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteNumber("status", response.Status);
        w.WriteStartObject("headers");
        w.WriteString("Content-Type", response.ContentType);
        foreach (var (name, value) in response.Headers)
        {
            w.WriteString(name, value);
        }

        w.WriteEndObject();
        if (response.IsJson)
        {
            w.WritePropertyName("body");
            w.WriteRawValue(response.Body);
        }
        else
        {
            // Graph returns non-JSON bodies inside a batch as base64 strings.
            w.WriteBase64String("body", response.Body);
        }

        w.WriteEndObject();
    }
}
