namespace HeaderSync.Engine.Sync;

/// <summary>The <c>Sync</c> configuration section: the engine's limits.</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    public int PageSize { get; set; } = 100;

    public int MaxConcurrentMailboxes { get; set; } = 8;

    // Graph allows 10,000 per app and mailbox in 10 minutes; the default keeps a margin.
    public int MaxRequestsPerMailboxPer10Min { get; set; } = 9000;
}
