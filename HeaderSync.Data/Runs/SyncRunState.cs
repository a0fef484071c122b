using HeaderSync.Data.Mailboxes;

namespace HeaderSync.Data.Runs;

/// <summary>One step of a run's state history, kept for tests and support.</summary>
public sealed class SyncRunState
{
    public long Id { get; set; }

    public Guid SyncRunId { get; set; }

    public MailboxState State { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Detail { get; set; }
}
