namespace HeaderSync.Engine.Relevance;

/// <summary>Changes to the basis that, made together, decide the email the other way, and that decision.</summary>
public sealed record BasisFlip(IReadOnlyList<BasisChange> Changes, RelevanceOutcome Outcome);
