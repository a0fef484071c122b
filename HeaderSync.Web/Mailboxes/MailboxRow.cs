using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Status;

namespace HeaderSync.Web.Mailboxes;

/// <summary>One mailbox on the Mailboxes page: first from its stored status, then from live events.</summary>
public sealed class MailboxRow(Mailbox mailbox)
{
    public Guid Id { get; } = mailbox.Id;

    public string Address { get; } = mailbox.OwnerAddress;

    public string? DisplayName { get; } = mailbox.DisplayName;

    public EmailProvider Provider { get; } = mailbox.Provider;

    public bool Enabled { get; } = mailbox.Enabled;

    public bool Covered => Provider == EmailProvider.Office365OAuth;

    public MailboxStatusUpdate Status { get; private set; } = MailboxStatusUpdate.Of(mailbox);

    public bool Running => Status.State is MailboxState.ScanningHeaders or MailboxState.DownloadingBodies
        or MailboxState.Throttled;

    /// <summary>Takes a live event; an event older than what is shown changes nothing.</summary>
    public bool Apply(MailboxStatusUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.MailboxId != Id || update.At < Status.At)
        {
            return false;
        }

        // Events during a run carry no run times and no error: keep the last ones known until
        // the run ends, which reports its own.
        var ended = update.State is MailboxState.Idle or MailboxState.NeedsAttention;
        Status = update with
        {
            LastRunAt = update.LastRunAt ?? Status.LastRunAt,
            NextRunAt = update.NextRunAt ?? Status.NextRunAt,
            Error = update.Error ?? (ended ? null : Status.Error),
            Warning = update.Warning ?? (ended ? null : Status.Warning),
        };
        return true;
    }
}
