using HeaderSync.Engine.Relevance;

namespace HeaderSync.Engine.RuleTesting;

/// <summary>
/// An email tried against the stored basis: its header fields, its decision and what would flip
/// it; or, for input that holds no email, why not.
/// </summary>
public sealed record RuleTestResult(HeaderFields? Email, FlipSearchResult? Search, long BasisVersion, string? Error)
{
    public static RuleTestResult Unreadable(string error) => new(null, null, 0, error);
}
