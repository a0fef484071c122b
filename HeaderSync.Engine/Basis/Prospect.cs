namespace HeaderSync.Engine.Basis;

/// <summary>A person outside the organisation whom the sales team works with.</summary>
public sealed record Prospect(
    string Address,
    string? Name = null,
    string? Company = null,
    string? AccountDomain = null);
