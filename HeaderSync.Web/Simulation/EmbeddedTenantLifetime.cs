using HeaderSync.Simulator;

namespace HeaderSync.Web.Simulation;

/// <summary>Stops the in-process simulated tenant with the portal.</summary>
internal sealed class EmbeddedTenantLifetime(SimulatedTenant tenant) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await tenant.DisposeAsync();
}
