using System.Globalization;

namespace HeaderSync.Simulator.Graph;

/// <summary>Graph's error body: <c>{"error":{"code","message","innerError":{...}}}</c>.</summary>
internal static class GraphErrors
{
    public static GraphResponse Create(int status, string code, string message, DateTimeOffset now)
    {
        var requestId = Guid.NewGuid().ToString();
        var body = JsonBuffer.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("code", code);
            w.WriteString("message", message);
            w.WriteStartObject("innerError");
            var date = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
            w.WriteString("date", date);
            w.WriteString("request-id", requestId);
            w.WriteString("client-request-id", requestId);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        });
        return GraphResponse.Json(status, body).WithHeader("request-id", requestId);
    }

    public static GraphResponse BadRequest(string message, DateTimeOffset now) =>
        Create(400, "BadRequest", message, now);

    public static GraphResponse NotFound(string message, DateTimeOffset now) =>
        Create(404, "ErrorItemNotFound", message, now);

    public static GraphResponse AccessDenied(DateTimeOffset now) =>
        Create(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.", now);
}
