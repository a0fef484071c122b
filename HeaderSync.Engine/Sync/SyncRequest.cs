using HeaderSync.Data.Decisions;
using HeaderSync.Data.Runs;

namespace HeaderSync.Engine.Sync;

/// <summary>One sync of one mailbox: who asked, whether from scratch, and in which mode.</summary>
public sealed record SyncRequest(
    Guid MailboxId,
    SyncTrigger Trigger,
    bool Full = false,
    SyncMode? ModeOverride = null,
    string? RequestedBy = null);
