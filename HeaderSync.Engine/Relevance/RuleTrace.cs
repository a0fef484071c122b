using HeaderSync.Data.Decisions;

namespace HeaderSync.Engine.Relevance;

/// <summary>How one rule took part in a decision and what it matched, if anything.</summary>
public readonly record struct RuleTrace(DecisionReason Rule, RuleResult Result, string? Matched);
