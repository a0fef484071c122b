using HeaderSync.Data.Mailboxes;

namespace HeaderSync.Data.Decisions;

/// <summary>What the engine decided about one email of one mailbox; unique per Graph id.</summary>
public sealed class EmailDecision
{
    public long Id { get; set; }

    public Guid MailboxId { get; set; }

    // Graph's immutable id: stable across moves, so a resync never duplicates.
    public required string GraphMessageId { get; set; }

    public string? InternetMessageId { get; set; }

    public string? ConversationId { get; set; }

    // In-Reply-To and References, space-separated: the Thread rule re-decides from them when a
    // later email of the thread is synced. A review field: cleared with the others.
    public string? ThreadMessageIds { get; set; }

    public MailFolder Folder { get; set; }

    public EmailDirection Direction { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public string? Subject { get; set; }

    public Decision Decision { get; set; }

    public DecisionReason Reason { get; set; }

    // JSON array of {rule, result, matched}.
    public string? Trace { get; set; }

    public SyncMode Mode { get; set; }

    public bool BodyDownloaded { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    // The basis version the decision was made against; re-decision looks at older ones.
    public long BasisVersion { get; set; }

    // The message left the folder it was decided in; the decision and any body stay.
    public DateTimeOffset? RemovedAt { get; set; }

    // Review fields of an ignored email are cleared after ReviewRetentionDays.
    public DateTimeOffset? ReviewClearedAt { get; set; }

    // A purged body is never fetched again.
    public DateTimeOffset? ContentPurgedAt { get; set; }

    public List<EmailParticipant> Participants { get; set; } = [];

    public EmailContent? Content { get; set; }
}
