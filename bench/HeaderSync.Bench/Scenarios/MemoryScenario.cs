using System.Globalization;
using System.Text.Json.Nodes;
using HeaderSync.Bench.Hosting;
using HeaderSync.Bench.Reporting;

namespace HeaderSync.Bench.Scenarios;

/// <summary>
/// 6. Peak working set of a process that syncs one mailbox, per mailbox size, each size in a
/// fresh process (the bench binary itself) against a tenant in another.
/// </summary>
internal sealed class MemoryScenario(bool quick) : Scenario
{
    public const double TargetMb = 300;

    public override string Key => "memory";

    public override string Title => "6. Memory";

    public override async Task RunAsync(BenchReport report, CancellationToken cancellationToken)
    {
        int[] sizes = quick ? [200, 400, 800] : [10_000, 50_000, 100_000];
        var runs = new List<(int Size, MemoryRun.MemoryResult Result)>();
        foreach (var size in sizes)
        {
            await using var tenant = await TenantProcess.StartAsync(new TenantSpec(1, size), cancellationToken);
            runs.Add((size, await MemoryRun.RunAsync(tenant.RootUrl, cancellationToken)));
        }

        var peak = runs.Max(r => r.Result.PeakWorkingSetMb);
        var growth = runs[^1].Result.PeakWorkingSetMb - runs[0].Result.PeakWorkingSetMb;
        report.Number("peakWorkingSetMb", peak);
        report.Details(Key, new JsonObject
        {
            ["mode"] = "Standard",
            ["growthMb"] = Math.Round(growth, 1),
            ["runs"] = new JsonArray([.. runs.Select(r => (JsonNode)new JsonObject
            {
                ["messages"] = r.Size,
                ["headersScanned"] = r.Result.HeadersScanned,
                ["bodiesDownloaded"] = r.Result.BodiesDownloaded,
                ["wallMs"] = Math.Round(r.Result.WallMs),
                ["peakWorkingSetMb"] = Math.Round(r.Result.PeakWorkingSetMb, 1),
            })]),
        });

        var lines = new List<string>
        {
            "One mailbox per run, standard mode (bodies come with the delta pages: in header-only mode a 100,000-message mailbox needs about 10,000 body requests, more than Graph allows a mailbox in ten minutes, so the run would measure the wait), no latency; each size in a fresh process of the bench binary (`memory-run`), the tenant in another. Peak working set is the process's own high-water mark (`VmHWM`).",
            "",
            "| Messages | Headers scanned | Bodies | Wall (ms) | Peak working set (MB) |",
            "|---|---|---|---|---|",
        };
        lines.AddRange(runs.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"| {r.Size:N0} | {r.Result.HeadersScanned:N0} | {r.Result.BodiesDownloaded:N0} | {r.Result.WallMs:N0} | {r.Result.PeakWorkingSetMb:F0} |")));
        lines.Add("");
        lines.Add(FormattableString.Invariant($"Peak **{peak:F0} MB** (target <= {TargetMb:F0} MB: {Verdict(peak <= TargetMb)}); growth from the smallest to the largest size {growth:F0} MB."));
        report.Section(Title, lines);
    }
}
