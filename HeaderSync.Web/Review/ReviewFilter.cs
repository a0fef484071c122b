using HeaderSync.Data.Decisions;

namespace HeaderSync.Web.Review;

/// <summary>The Review page's filters; all optional.</summary>
public sealed record ReviewFilter(
    Guid? MailboxId = null,
    Decision? Decision = null,
    DecisionReason? Reason = null,
    string? Participant = null,
    DateOnly? From = null,
    DateOnly? To = null);
