namespace HeaderSync.Engine.Graph;

/// <summary>What a connection check found for one mailbox, call by call.</summary>
public sealed record ConnectionReport(string Mailbox, IReadOnlyList<PermissionCheck> Checks)
{
    public bool AllOk => Checks.All(c => c.Outcome == CheckOutcome.Ok);
}
