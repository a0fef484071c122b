using System.Globalization;

namespace HeaderSync.Bench.Scenarios;

internal static class SyncSettings
{
    /// <summary>Page size 100 and every mailbox of the tenant syncing at once.</summary>
    public static Dictionary<string, string?> AllAtOnce(int mailboxes) => new()
    {
        ["Sync:PageSize"] = "100",
        ["Sync:MaxConcurrentMailboxes"] = Math.Max(mailboxes, 8).ToString(CultureInfo.InvariantCulture),
    };
}
