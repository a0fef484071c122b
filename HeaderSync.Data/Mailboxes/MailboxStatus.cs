namespace HeaderSync.Data.Mailboxes;

/// <summary>
/// The last status the engine published for a mailbox, persisted so that a freshly opened page
/// is right before the first live event arrives.
/// </summary>
public sealed class MailboxStatus
{
    public MailboxState State { get; set; }

    // 0..1 while a run is going, null otherwise.
    public double? Progress { get; set; }

    public int HeadersScanned { get; set; }

    public int Synced { get; set; }

    public int Ignored { get; set; }

    public int BodiesDownloaded { get; set; }

    public DateTimeOffset? LastRunAt { get; set; }

    public DateTimeOffset? NextRunAt { get; set; }

    public DateTimeOffset? ThrottledUntil { get; set; }

    public string? LastError { get; set; }

    // A missing permission that limits the sync without stopping it (Mail.ReadBasic).
    public string? Warning { get; set; }

    public int ConsecutiveFailures { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
