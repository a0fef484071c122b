namespace HeaderSync.Web.Simulation;

/// <summary>The simulated tenant's CRM exports: the prospects CSV and the exclusions file.</summary>
internal sealed class SimulatorCrm(HttpClient http, SimulatedTenantInfo tenant)
{
    public Task<string> ProspectsCsvAsync(CancellationToken cancellationToken) =>
        http.GetStringAsync(new Uri(tenant.Root, "_simulator/crm/prospects.csv"), cancellationToken);

    public Task<string> ExclusionsAsync(CancellationToken cancellationToken) =>
        http.GetStringAsync(new Uri(tenant.Root, "_simulator/crm/exclusions"), cancellationToken);
}
