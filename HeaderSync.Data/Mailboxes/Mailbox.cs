namespace HeaderSync.Data.Mailboxes;

/// <summary>One user's mailbox that the engine syncs (or records, for other providers).</summary>
public sealed class Mailbox
{
    public Guid Id { get; set; }

    public required string OwnerAddress { get; set; }

    public string? DisplayName { get; set; }

    // Null for mailboxes of other providers.
    public string? GraphUserId { get; set; }

    public EmailProvider Provider { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTimeOffset AddedAt { get; set; }

    public string? AddedBy { get; set; }

    // Set when an admin removed the mailbox but kept its data: its decisions stay reviewable,
    // it is no longer listed or scheduled, and adding the address again brings it back.
    public DateTimeOffset? RemovedAt { get; set; }

    public string? RemovedBy { get; set; }

    public MailboxStatus Status { get; set; } = new();

    // The per-mailbox lease: one sync at a time, whichever process or node runs it.
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    // Graph's request budget per app and mailbox, kept here so every process shares it.
    public DateTimeOffset? BudgetWindowStartedAt { get; set; }

    public int BudgetRequestsUsed { get; set; }
}
