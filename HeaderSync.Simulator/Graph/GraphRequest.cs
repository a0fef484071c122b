using HeaderSync.Simulator.Evidence;

namespace HeaderSync.Simulator.Graph;

/// <summary>
/// One Graph call, whether it arrived over HTTP or inside a <c>$batch</c>. <see cref="Path"/> is
/// relative to <see cref="ServiceRoot"/> (the absolute <c>.../v1.0</c> links are built from).
/// </summary>
internal sealed record GraphRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string ServiceRoot,
    byte[] Body,
    RequestRecord Record)
{
    public string? QueryValue(string name) => Query.GetValueOrDefault(name);

    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
