namespace HeaderSync.Simulator.Tenant;

/// <summary>An app registration: a client id, a secret and the app roles it holds.</summary>
public sealed record TenantApplication(
    string Name,
    string ClientId,
    string ClientSecret,
    IReadOnlyList<string> Roles);
