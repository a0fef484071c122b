using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;

namespace HeaderSync.Web.Review;

/// <summary>One decision as the Review grid shows it.</summary>
public sealed record ReviewRow(
    long Id,
    string Mailbox,
    MailFolder Folder,
    EmailDirection Direction,
    DateTimeOffset ReceivedAt,
    string Participants,
    string? Subject,
    Decision Decision,
    DecisionReason Reason,
    SyncMode Mode,
    bool BodyDownloaded);
