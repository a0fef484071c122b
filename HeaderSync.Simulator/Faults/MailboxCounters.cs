namespace HeaderSync.Simulator.Faults;

/// <summary>Live and cumulative request counts of one mailbox.</summary>
internal sealed class MailboxCounters
{
    public Lock Gate { get; } = new();

    public int Active { get; set; }

    public int PeakActive { get; set; }

    public long Requests { get; set; }

    public long Throttled { get; set; }

    /// <summary>Start times (Unix ms) of requests inside the current budget window.</summary>
    public Queue<long> Window { get; } = new();
}
