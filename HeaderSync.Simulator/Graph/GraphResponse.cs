namespace HeaderSync.Simulator.Graph;

/// <summary>A Graph answer before it is written to HTTP or folded into a batch response.</summary>
internal sealed record GraphResponse(int Status, string ContentType, byte[] Body)
{
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsJson => ContentType.StartsWith("application/json", StringComparison.Ordinal);

    public static GraphResponse Json(int status, byte[] body) =>
        new(status, "application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8", body);

    public GraphResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}
