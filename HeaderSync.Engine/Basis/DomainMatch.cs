namespace HeaderSync.Engine.Basis;

/// <summary>For one domain, the nearest listed domain in each role, or null where none is.</summary>
internal readonly record struct DomainMatch(string? Internal, string? Account, string? Excluded);
