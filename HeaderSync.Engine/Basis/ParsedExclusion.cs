namespace HeaderSync.Engine.Basis;

/// <summary>An exclusion read from an exclusions file, with the line it came from.</summary>
public sealed record ParsedExclusion(int Line, Exclusion Exclusion);
