namespace HeaderSync.Engine.Sync;

/// <summary>
/// How long a scheduled sync waits after a mailbox needing attention last failed: doubling
/// from fifteen minutes up to six hours. A resync an admin asks for runs at once regardless.
/// </summary>
public static class AttentionBackoff
{
    private static readonly TimeSpan First = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(6);

    public static TimeSpan After(int consecutiveFailures)
    {
        var doublings = Math.Clamp(consecutiveFailures - 1, 0, 10);
        var delay = First * Math.Pow(2, doublings);
        return delay < Longest ? delay : Longest;
    }
}
