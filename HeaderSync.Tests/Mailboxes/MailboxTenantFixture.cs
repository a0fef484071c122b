using HeaderSync.Simulator;

namespace HeaderSync.Tests.Mailboxes;

/// <summary>
/// A small tenant of the mailbox administration tests' own: they switch permissions off, which
/// must not disturb the engine tests sharing the run's tenant.
/// </summary>
public sealed class MailboxTenantFixture : IAsyncLifetime
{
    public SimulatedTenant Tenant { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { Seed = 23, Mailboxes = 3, MessagesPerMailbox = 60 });

    public async Task DisposeAsync() => await Tenant.DisposeAsync();
}
