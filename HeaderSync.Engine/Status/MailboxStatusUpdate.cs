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
    DateTimeOffset At)
{
    /// <summary>The status last persisted on a mailbox row.</summary>
    public static MailboxStatusUpdate Of(Mailbox mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var status = mailbox.Status;
        return new MailboxStatusUpdate(
            mailbox.Id, mailbox.OwnerAddress, status.State, status.Progress, status.HeadersScanned,
            status.Synced, status.Ignored, status.BodiesDownloaded, status.ThrottledUntil,
            status.LastRunAt, status.NextRunAt, status.LastError, status.Warning, status.UpdatedAt);
    }
}
