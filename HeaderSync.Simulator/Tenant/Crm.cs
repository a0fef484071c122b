namespace HeaderSync.Simulator.Tenant;

/// <summary>
/// The basis the CRM endpoints serve: prospects (with their account domains) and exclusions.
/// Expected decisions are assigned against exactly this basis, with account-domain matching on.
/// </summary>
public sealed record Crm(
    IReadOnlyList<Prospect> Prospects,
    IReadOnlyList<ExternalCompany> AccountCompanies,
    IReadOnlyList<string> ExcludedAddresses,
    IReadOnlyList<string> ExcludedWildcardDomains,
    IReadOnlyList<string> ExcludedDomains);
