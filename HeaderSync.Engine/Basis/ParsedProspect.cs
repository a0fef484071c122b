namespace HeaderSync.Engine.Basis;

/// <summary>A prospect read from a CSV file, with the line it came from.</summary>
public sealed record ParsedProspect(int Line, Prospect Prospect);
