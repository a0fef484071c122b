using HeaderSync.Data.Decisions;

namespace HeaderSync.Data.Mailboxes;

/// <summary>
/// Where a mailbox folder's delta round stands, one per mode: switching modes continues from
/// the new mode's own cursor.
/// </summary>
public sealed class DeltaCursor
{
    public Guid MailboxId { get; set; }

    public MailFolder Folder { get; set; }

    public SyncMode Mode { get; set; }

    // The nextLink of a round in progress, or the deltaLink of the last completed round.
    public required string Link { get; set; }

    public bool RoundComplete { get; set; }

    public DateTimeOffset RoundStartedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
