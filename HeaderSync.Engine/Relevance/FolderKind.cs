namespace HeaderSync.Engine.Relevance;

/// <summary>Where an email sits in its mailbox; sent mail counts Bcc recipients as participants.</summary>
public enum FolderKind
{
    Inbox = 0,
    Sent = 1,
}
