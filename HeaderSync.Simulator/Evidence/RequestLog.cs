namespace HeaderSync.Simulator.Evidence;

/// <summary>The Graph request log tests read to prove what was downloaded.</summary>
internal sealed class RequestLog(bool enabled, TimeProvider time)
{
    private readonly List<RequestLogEntry> _entries = [];
    private long _sequence;

    public bool Enabled { get; set; } = enabled;

    public long LastSequence => Interlocked.Read(ref _sequence);

    public RequestRecord Begin(string method, string path, string query, long requestBytes, long? batchSequence) =>
        new()
        {
            Sequence = Interlocked.Increment(ref _sequence),
            BatchSequence = batchSequence,
            StartedAt = time.GetUtcNow(),
            Method = method,
            Path = path,
            Query = query,
            RequestBytes = requestBytes,
        };

    public void End(RequestRecord record, int status, long responseBytes)
    {
        if (!Enabled)
        {
            return;
        }

        var entry = record.Complete(status, responseBytes, time.GetUtcNow());
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }

    public List<RequestLogEntry> Read(long after, string? mailbox)
    {
        lock (_entries)
        {
            return
            [
                .. _entries
                    .Where(e => e.Seq > after && (mailbox is null || e.Mailbox == mailbox))
                    .OrderBy(e => e.Seq),
            ];
        }
    }

    public void Clear()
    {
        lock (_entries)
        {
            _entries.Clear();
        }
    }
}
