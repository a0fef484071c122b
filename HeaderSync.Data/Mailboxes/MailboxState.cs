namespace HeaderSync.Data.Mailboxes;

/// <summary>The live state of one mailbox's sync; the names are the product's contract.</summary>
public enum MailboxState
{
    Idle = 0,
    Queued = 1,
    ScanningHeaders = 2,
    DownloadingBodies = 3,
    Throttled = 4,
    NeedsAttention = 5,
    Disabled = 6,
}
