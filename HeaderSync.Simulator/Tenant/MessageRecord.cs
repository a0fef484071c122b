using HeaderSync.Simulator.Generation;

namespace HeaderSync.Simulator.Tenant;

/// <summary>
/// The mutable state of one message, replaced as a whole on every change so readers never see
/// a half-updated record.
/// </summary>
internal sealed record MessageRecord(
    MessagePlan Plan,
    MailFolderKind Folder,
    bool IsRead,
    int Version,
    bool Deleted,
    long LastModifiedUnixSeconds,
    PostedMessage? Posted = null)
{
    public int Index => Plan.Index;
}
