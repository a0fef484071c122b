namespace HeaderSync.Web.Review;

/// <summary>
/// Where the next page starts: after this row in (sort key, received, id) order. The group is
/// the row's sort value (mailbox address, decision or reason token; empty when sorting by time).
/// </summary>
public sealed record ReviewCursor(string Group, DateTimeOffset ReceivedAt, long Id);
