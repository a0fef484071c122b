namespace HeaderSync.Simulator.Graph;

/// <summary>The Graph resources the simulator serves.</summary>
internal enum GraphRouteKind
{
    Unknown,
    Users,
    User,
    Organization,
    Folders,
    Folder,
    FolderMessages,
    FolderDelta,
    Messages,
    MailboxDelta,
    Message,
    MessageValue,
    Attachments,
    Attachment,
    Batch,
    Me,
}
