using HeaderSync.Data.Mailboxes;

namespace HeaderSync.Engine.Status;

/// <summary>One mailbox's live status, as the engine publishes it.</summary>
public sealed record MailboxStatusUpdate(
    Guid MailboxId,
    string Mailbox,
    MailboxState State,
    double? Progress,
    int HeadersScanned,
    int Synced,
    int Ignored,
    int BodiesDownloaded,
    DateTimeOffset? ThrottledUntil,
    DateTimeOffset? LastRunAt,
    DateTimeOffset? NextRunAt,
    string? Error,
    string? Warning,
    DateTimeOffset At);
