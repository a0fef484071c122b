namespace HeaderSync.Web.Review;

/// <summary>
/// How the Review grid is ordered. Sorting by mailbox, decision or reason orders the groups
/// (addresses and tokens, ordinally) in the given direction and keeps each group newest first.
/// </summary>
public sealed record ReviewSort(ReviewSortKey Key, bool Descending)
{
    public static readonly ReviewSort Newest = new(ReviewSortKey.Received, Descending: true);

    /// <summary>A click on a column: the same column flips, another starts in its usual direction.</summary>
    public ReviewSort Toggle(ReviewSortKey key) =>
        key == Key ? this with { Descending = !Descending } : new(key, Descending: key == ReviewSortKey.Received);
}
