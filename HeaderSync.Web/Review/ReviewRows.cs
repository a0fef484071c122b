namespace HeaderSync.Web.Review;

/// <summary>One page of the Review grid and where the next one starts (none after the last).</summary>
public sealed record ReviewRows(IReadOnlyList<ReviewRow> Rows, ReviewCursor? Next);
