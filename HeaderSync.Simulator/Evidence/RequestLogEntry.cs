namespace HeaderSync.Simulator.Evidence;

/// <summary>One logged Graph request, served by <c>GET /_simulator/requests</c>.</summary>
public sealed record RequestLogEntry(
    long Seq,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string Method,
    string Path,
    string Query,
    IReadOnlyList<string> Select,
    string? Mailbox,
    int Status,
    long RequestBytes,
    long ResponseBytes,
    long? BatchSeq,
    IReadOnlyList<string> MessageIds,
    IReadOnlyList<string> ContentMessageIds);
