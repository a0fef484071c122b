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

        var statuses = new Dictionary<string, int>();
        var answers = new List<(string Id, GraphResponse Response)>();
        foreach (var item in requests.OfType<JsonObject>())
        {
            var id = item["id"]?.GetValue<string>() ?? "";
            var failedDependency = (item["dependsOn"] as JsonArray)?
                .Select(d => d?.GetValue<string>() ?? "")
                .Any(d => !statuses.TryGetValue(d, out var status) || status >= 400) ?? false;
            var response = failedDependency
                ? GraphErrors.Create(
                    424, "FailedDependency", "A request this one depends on failed.", pipeline.Now)
                : await RunAsync(pipeline, batch, item, ct);
            statuses[id] = response.Status;
            answers.Add((id, response));
        }

        var body = JsonBuffer.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("responses");
            foreach (var (id, response) in answers)
            {
                Write(w, id, response);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        return GraphResponse.Json(200, body);
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
