namespace HeaderSync.Engine.Relevance;

/// <summary>One address of an email as it arrived; the name is shown, never used to decide.</summary>
public sealed record EmailParty(string? Address, string? Name = null);
