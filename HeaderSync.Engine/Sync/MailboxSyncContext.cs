using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Graph;

namespace HeaderSync.Engine.Sync;

/// <summary>Everything the passes of one mailbox's sync share.</summary>
public sealed record MailboxSyncContext(
    MailboxRun Run,
    MailboxGraphClient Graph,
    BasisIndex Basis,
    long BasisVersion,
    SyncedThreads Threads,
    string LeaseOwner,
    DateTimeOffset HistoryStart,
    int PageSize,
    BodyQueue Bodies);
