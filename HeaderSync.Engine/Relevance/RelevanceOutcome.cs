using HeaderSync.Data.Decisions;

namespace HeaderSync.Engine.Relevance;

/// <summary>The decision on one email, the rule that made it and the trace of every rule.</summary>
public sealed record RelevanceOutcome(
    Decision Decision,
    DecisionReason Reason,
    IReadOnlyList<RuleTrace> Trace);
