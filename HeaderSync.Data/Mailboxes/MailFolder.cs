namespace HeaderSync.Data.Mailboxes;

/// <summary>The folders the engine syncs, by their Graph well-known names.</summary>
public enum MailFolder
{
    Inbox = 1,
    SentItems = 2,
}
