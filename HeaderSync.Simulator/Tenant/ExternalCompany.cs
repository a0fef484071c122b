namespace HeaderSync.Simulator.Tenant;

/// <summary>An outside organisation that mail is exchanged with.</summary>
public sealed record ExternalCompany(string Name, string Domain);
