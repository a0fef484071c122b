using System.Globalization;
using System.Text.Json.Nodes;
using HeaderSync.Bench.Hosting;
using HeaderSync.Bench.Reporting;
using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Graph;

namespace HeaderSync.Bench.Scenarios;

/// <summary>
/// 1. How close a header-only sync of many mailboxes comes to the fastest Graph's limits allow:
/// per mailbox, delta pages follow each other and at most four requests run at once.
/// </summary>
internal sealed class EfficiencyScenario(bool quick) : Scenario
{
    public const double Target = 1.15;

    public override string Key => "efficiency";

    public override string Title => "1. Efficiency against Graph's limits";

    public override async Task RunAsync(BenchReport report, CancellationToken cancellationToken)
    {
        var spec = quick ? new TenantSpec(2, 100, LatencyMs: 20) : new TenantSpec(10, 2_000, LatencyMs: 100);
        await using var tenant = await TenantProcess.StartAsync(spec, cancellationToken);
        await using var engine = await EngineHost.StartAsync(
            tenant.RootUrl, SyncSettings.AllAtOnce(spec.Mailboxes), cancellationToken);

        var before = await tenant.StatsAsync(cancellationToken);
        using var meter = CpuMeter.Start(tenant);
        var (results, wall) = await engine.SyncAllAsync(SyncMode.HeaderOnly, cancellationToken);
        var cpu = meter.Read();
        var after = await tenant.StatsAsync(cancellationToken);

        var latency = spec.LatencyMs;
        var rows = results.Select(r =>
        {
            var counts = after[r.GraphUserId!].Since(before.GetValueOrDefault(r.GraphUserId!));
            var pages = counts.Pages;
            var bodies = counts.MessageRequests;
            var sequential = Math.Max(counts.InboxPages, counts.SentPages) * latency;
            var concurrent = (long)Math.Ceiling((pages + bodies) / (double)MailboxRequestGate.MaxConcurrentRequests) * latency;
            return (Result: r, Counts: counts, BoundMs: Math.Max(sequential, concurrent));
        }).OrderBy(r => r.Result.Mailbox, StringComparer.Ordinal).ToList();
        var bound = rows.Max(r => r.BoundMs);
        var ratio = wall.TotalMilliseconds / bound;

        report.Number("efficiencyRatio", ratio);
        report.Details(Key, new JsonObject
        {
            ["mailboxes"] = spec.Mailboxes,
            ["messagesPerMailbox"] = spec.MessagesPerMailbox,
            ["latencyMs"] = latency,
            ["pageSize"] = 100,
            ["mode"] = nameof(SyncMode.HeaderOnly),
            ["wallMs"] = Math.Round(wall.TotalMilliseconds),
            ["boundMs"] = bound,
            ["ratio"] = Math.Round(ratio, 4),
            ["throttled"] = rows.Sum(r => r.Counts.Throttled),
            ["engineCpuSeconds"] = Math.Round(cpu.Engine, 2),
            ["simulatorCpuSeconds"] = Math.Round(cpu.Tenant, 2),
            ["perMailbox"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
            {
                ["mailbox"] = r.Result.Mailbox,
                ["inboxPages"] = r.Counts.InboxPages,
                ["sentItemsPages"] = r.Counts.SentPages,
                ["messageRequests"] = r.Counts.MessageRequests,
                ["bodiesDownloaded"] = r.Result.BodiesDownloaded,
                ["throttled"] = r.Counts.Throttled,
                ["peakConcurrentRequests"] = r.Counts.PeakConcurrentRequests,
                ["boundMs"] = r.BoundMs,
                ["engineDurationMs"] = r.Result.DurationMs,
            })]),
        });

        var lines = new List<string>
        {
            FormattableString.Invariant($"{spec.Mailboxes} mailboxes x {spec.MessagesPerMailbox:N0} messages (as the simulated tenant lays them out: about 60 % inbox, 30 % sent items, 10 % other folders; {TenantSpec.RelevantShare:P0} of inbox and sent mail relevant), {latency} ms per request, page size 100, header-only mode, Graph's limits enforced by the tenant (4 concurrent requests, 10,000 per 10 minutes per mailbox), `Sync:MaxConcurrentMailboxes` {Math.Max(spec.Mailboxes, 8)}."),
            "",
            FormattableString.Invariant($"Bound: over mailboxes, the largest of max(max over folders of pages x L, ceil((pages + bodies) / 4) x L). Wall time **{wall.TotalMilliseconds:N0} ms**, bound **{bound:N0} ms**, ratio **{ratio:F3}** (target <= {Target}: {Verdict(ratio <= Target)}). Requests throttled: {rows.Sum(r => r.Counts.Throttled)}."),
            "",
            CpuMeter.Describe(cpu, wall),
            "",
            "| Mailbox | Inbox pages | Sent pages | Message requests | Peak concurrent requests | Bound (ms) | Engine's own duration (ms) |",
            "|---|---|---|---|---|---|---|",
        };
        lines.AddRange(rows.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"| {r.Result.Mailbox} | {r.Counts.InboxPages} | {r.Counts.SentPages} | {r.Counts.MessageRequests} | {r.Counts.PeakConcurrentRequests} | {r.BoundMs:N0} | {r.Result.DurationMs:N0} |")));
        report.Section(Title, lines);
    }
}
