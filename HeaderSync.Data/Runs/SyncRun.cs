using HeaderSync.Data.Decisions;

namespace HeaderSync.Data.Runs;

/// <summary>One sync of one mailbox, from the scheduler, a resync or the command line.</summary>
public sealed class SyncRun
{
    public Guid Id { get; set; }

    public Guid MailboxId { get; set; }

    public SyncTrigger Trigger { get; set; }

    public string? RequestedBy { get; set; }

    public bool Full { get; set; }

    public SyncMode Mode { get; set; }

    // Which process or node ran it.
    public required string Node { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public SyncOutcome? Outcome { get; set; }

    public string? Error { get; set; }

    public int HeadersScanned { get; set; }

    public int Synced { get; set; }

    public int Ignored { get; set; }

    public int BodiesDownloaded { get; set; }

    public int Requests { get; set; }

    public int Throttled { get; set; }

    public List<SyncRunState> States { get; set; } = [];
}
