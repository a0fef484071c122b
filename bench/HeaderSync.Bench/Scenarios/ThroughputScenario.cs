using System.Text.Json.Nodes;
using HeaderSync.Bench.Hosting;
using HeaderSync.Bench.Reporting;
using HeaderSync.Data.Decisions;

namespace HeaderSync.Bench.Scenarios;

/// <summary>
/// 3. Messages per second from Graph JSON to SQLite at zero latency; the tenant runs in its own
/// process so its CPU is counted apart from the engine's.
/// </summary>
internal sealed class ThroughputScenario(bool quick) : Scenario
{
    public const double Target = 10_000;

    public override string Key => "throughput";

    public override string Title => "3. Throughput at zero latency";

    public override async Task RunAsync(BenchReport report, CancellationToken cancellationToken)
    {
        var spec = quick ? new TenantSpec(1, 400) : new TenantSpec(4, 10_000);
        await using var tenant = await TenantProcess.StartAsync(spec, cancellationToken);
        await using var engine = await EngineHost.StartAsync(
            tenant.RootUrl, SyncSettings.AllAtOnce(spec.Mailboxes), cancellationToken);

        using var meter = CpuMeter.Start(tenant);
        var (results, wall) = await engine.SyncAllAsync(SyncMode.HeaderOnly, cancellationToken);
        var cpu = meter.Read();

        var messages = results.Sum(r => r.HeadersScanned);
        var perSecond = messages / wall.TotalSeconds;
        report.Number("messagesPerSecond", perSecond);
        report.Details(Key, new JsonObject
        {
            ["mailboxes"] = spec.Mailboxes,
            ["messagesPerMailbox"] = spec.MessagesPerMailbox,
            ["mode"] = nameof(SyncMode.HeaderOnly),
            ["headersScanned"] = messages,
            ["bodiesDownloaded"] = results.Sum(r => r.BodiesDownloaded),
            ["wallMs"] = Math.Round(wall.TotalMilliseconds),
            ["messagesPerSecond"] = Math.Round(perSecond),
            ["engineCpuSeconds"] = Math.Round(cpu.Engine, 2),
            ["simulatorCpuSeconds"] = Math.Round(cpu.Tenant, 2),
            ["cores"] = Environment.ProcessorCount,
        });
        report.Section(Title,
            FormattableString.Invariant($"{spec.Mailboxes} mailboxes x {spec.MessagesPerMailbox:N0} messages, no latency, header-only mode, every mailbox at once, on {Environment.ProcessorCount} cores shared by the engine and the tenant."),
            "",
            FormattableString.Invariant($"{messages:N0} headers scanned (inbox and sent items) and {results.Sum(r => r.BodiesDownloaded):N0} bodies downloaded in {wall.TotalMilliseconds:N0} ms: **{perSecond:N0} messages/s** (target >= {Target:N0}: {Verdict(perSecond >= Target)})."),
            "",
            CpuMeter.Describe(cpu, wall));
    }
}
