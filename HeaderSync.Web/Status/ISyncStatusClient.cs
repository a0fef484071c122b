using HeaderSync.Engine.Status;

namespace HeaderSync.Web.Status;

/// <summary>What the sync-status hub sends to pages and other authorised clients.</summary>
public interface ISyncStatusClient
{
    /// <summary>The latest status of every mailbox that changed since the last send.</summary>
    Task StatusChanged(IReadOnlyList<MailboxStatusUpdate> statuses);
}
