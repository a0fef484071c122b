namespace HeaderSync.Simulator.Faults;

/// <summary>Live and cumulative request counts of one mailbox.</summary>
internal sealed class MailboxCounters
{
    public Lock Gate { get; } = new();

    public int Active { get; set; }

    public int PeakActive { get; set; }

    public long Requests { get; set; }

    public long Throttled { get; set; }

    /// <summary>Admitted delta requests, by folder segment as the client named it.</summary>
    public Dictionary<string, long> DeltaRequestsByFolder { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Admitted requests for one message by id (its fields, body, MIME or attachments).</summary>
    public long MessageRequests { get; set; }

    /// <summary>Bytes of every response body served to admitted requests.</summary>
    public long ResponseBytes { get; set; }

    /// <summary>Start times (Unix ms) of requests inside the current budget window.</summary>
    public Queue<long> Window { get; } = new();
}
