using HeaderSync.Bench.Hosting;
using HeaderSync.Data.Decisions;

namespace HeaderSync.Bench.Scenarios;

/// <summary>One small sync in each mode first, so no measured run pays for compiling the engine.</summary>
internal static class Warmup
{
    public static async Task RunAsync(bool quick, CancellationToken cancellationToken)
    {
        var spec = new TenantSpec(Mailboxes: quick ? 1 : 2, MessagesPerMailbox: quick ? 100 : 300, Seed: 99);
        await using var tenant = await TenantProcess.StartAsync(spec, cancellationToken);
        foreach (var mode in new[] { SyncMode.HeaderOnly, SyncMode.Standard })
        {
            await using var engine = await EngineHost.StartAsync(
                tenant.RootUrl, SyncSettings.AllAtOnce(spec.Mailboxes), cancellationToken);
            await engine.SyncAllAsync(mode, cancellationToken);
        }
    }
}
