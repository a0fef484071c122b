namespace HeaderSync.Web.Review;

/// <summary>The columns the Review grid sorts by.</summary>
public enum ReviewSortKey
{
    Received,
    Mailbox,
    Decision,
    Reason,
}
