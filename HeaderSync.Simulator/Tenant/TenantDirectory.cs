namespace HeaderSync.Simulator.Tenant;

/// <summary>The seeded, immutable facts of the tenant: organisation, users, apps and CRM.</summary>
public sealed record TenantDirectory(
    Guid TenantId,
    string DisplayName,
    IReadOnlyList<VerifiedDomain> Domains,
    IReadOnlyList<SimulatedUser> Users,
    IReadOnlyList<Participant> Colleagues,
    IReadOnlyList<ExternalCompany> UnknownCompanies,
    IReadOnlyList<string> FreeMailDomains,
    Crm Crm,
    TenantApplication SyncApp,
    TenantApplication PortalApp,
    TenantApplication AutomationApp)
{
    public IEnumerable<TenantApplication> Applications => [SyncApp, PortalApp, AutomationApp];

    public SimulatedUser? FindUser(string idOrUpn)
    {
        if (Guid.TryParse(idOrUpn, out var id))
        {
            return Users.FirstOrDefault(u => u.Id == id);
        }

        return Users.FirstOrDefault(
            u => string.Equals(u.UserPrincipalName, idOrUpn, StringComparison.OrdinalIgnoreCase));
    }

    public TenantApplication? FindApplication(string clientId) =>
        Applications.FirstOrDefault(a => string.Equals(a.ClientId, clientId, StringComparison.Ordinal));
}
