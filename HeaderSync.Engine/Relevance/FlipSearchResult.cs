namespace HeaderSync.Engine.Relevance;

/// <summary>
/// The email's decision against the basis as it is, and the smallest changes to the basis that
/// decide it the other way, smallest first; or, when there are none, what stands in the way and
/// why, in a sentence for the portal.
/// </summary>
public sealed record FlipSearchResult(
    RelevanceOutcome Outcome,
    IReadOnlyList<BasisFlip> Flips,
    FlipBlocker Blocker,
    string? Explanation);
