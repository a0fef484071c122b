namespace HeaderSync.Simulator.Tenant;

/// <summary>One of the organisation's verified domains, as <c>/organization</c> lists them.</summary>
public sealed record VerifiedDomain(string Name, bool IsDefault, bool IsInitial);
