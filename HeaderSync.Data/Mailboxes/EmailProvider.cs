namespace HeaderSync.Data.Mailboxes;

/// <summary>How a mailbox is connected; only Microsoft Graph mailboxes are synced.</summary>
public enum EmailProvider
{
    Office365OAuth = 1,
    Exchange = 2,
    Gmail = 3,
    Imap = 4,
}
