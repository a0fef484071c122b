namespace HeaderSync.Simulator.Tenant;

/// <summary>A CRM prospect; <see cref="AccountDomain"/> is empty for free-mail prospects.</summary>
public sealed record Prospect(string Email, string Name, string Company, string AccountDomain);
