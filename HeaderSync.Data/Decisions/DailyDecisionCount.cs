namespace HeaderSync.Data.Decisions;

/// <summary>How many emails of a mailbox were decided a given way on a given day.</summary>
public sealed class DailyDecisionCount
{
    public Guid MailboxId { get; set; }

    public DateOnly Day { get; set; }

    public Decision Decision { get; set; }

    public DecisionReason Reason { get; set; }

    public int Count { get; set; }
}
