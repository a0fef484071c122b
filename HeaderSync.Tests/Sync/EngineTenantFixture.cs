using HeaderSync.Simulator;
using HeaderSync.Tests.Infrastructure;

namespace HeaderSync.Tests.Sync;

/// <summary>The engine tests' Microsoft 365: the run's shared simulated tenant.</summary>
public sealed class EngineTenantFixture : IAsyncLifetime
{
    public SimulatedTenant Tenant { get; private set; } = null!;

    public string Root => Tenant.RootUrl.AbsoluteUri.TrimEnd('/');

    public async Task InitializeAsync() => Tenant = await SharedTenant.GetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
