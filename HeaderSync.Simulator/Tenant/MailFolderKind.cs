namespace HeaderSync.Simulator.Tenant;

/// <summary>The well-known mail folders every simulated mailbox has.</summary>
public enum MailFolderKind
{
    Inbox,
    SentItems,
    Drafts,
    DeletedItems,
    Archive,
    JunkEmail,
}
