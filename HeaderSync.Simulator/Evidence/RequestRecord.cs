namespace HeaderSync.Simulator.Evidence;

/// <summary>What one Graph request did, filled in while it runs and logged when it ends.</summary>
internal sealed class RequestRecord
{
    private readonly List<string> _messageIds = [];
    private readonly List<string> _contentMessageIds = [];

    public long Sequence { get; init; }

    public long? BatchSequence { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public required string Method { get; init; }

    public required string Path { get; init; }

    public string Query { get; init; } = "";

    public IReadOnlyList<string> Select { get; set; } = [];

    public string? Mailbox { get; set; }

    public long RequestBytes { get; init; }

    public void Returned(string immutableId, bool withContent)
    {
        lock (_messageIds)
        {
            if (!_messageIds.Contains(immutableId))
            {
                _messageIds.Add(immutableId);
            }

            if (withContent && !_contentMessageIds.Contains(immutableId))
            {
                _contentMessageIds.Add(immutableId);
            }
        }
    }

    public RequestLogEntry Complete(int status, long responseBytes, DateTimeOffset endedAt)
    {
        lock (_messageIds)
        {
            return new RequestLogEntry(
                Sequence, StartedAt, endedAt, Method, Path, Query, Select, Mailbox, status,
                RequestBytes, responseBytes, BatchSequence, [.. _messageIds], [.. _contentMessageIds]);
        }
    }
}
