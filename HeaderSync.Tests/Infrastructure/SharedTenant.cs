using HeaderSync.Simulator;

namespace HeaderSync.Tests.Infrastructure;

/// <summary>
/// The test run's simulated Microsoft 365 tenant (seed 11, 3 mailboxes x 300 messages, every
/// scenario), started on first use and shared by the engine and portal tests. It lives as long
/// as the test process.
/// </summary>
internal static class SharedTenant
{
    private static readonly Lazy<Task<SimulatedTenant>> Tenant = new(() => SimulatedTenant.StartAsync(Options()));

    // The portal schedules its own syncs; they get a tenant of their own, seeded the same, so
    // engine tests that read the request log see only their own requests.
    private static readonly Lazy<Task<SimulatedTenant>> PortalTenant = new(() => SimulatedTenant.StartAsync(Options()));

    public static SimulatorOptions Options() => new() { Seed = 11, Mailboxes = 3, MessagesPerMailbox = 300 };

    public static Task<SimulatedTenant> GetAsync() => Tenant.Value;

    public static Task<SimulatedTenant> GetForPortalAsync() => PortalTenant.Value;
}
