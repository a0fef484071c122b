using System.Globalization;
using System.Text.Json.Nodes;
using HeaderSync.Bench.Hosting;
using HeaderSync.Bench.Reporting;
using HeaderSync.Data.Decisions;

namespace HeaderSync.Bench.Scenarios;

/// <summary>
/// 2. Header-only against standard mode on the same tenant, with a per-KB latency so that what
/// a page carries costs time: runs alternate A/B/A/B, each into a fresh database.
/// </summary>
internal sealed class ModeComparisonScenario(bool quick) : Scenario
{
    public const int LatencyMsPerKb = 1;

    private static readonly SyncMode[] Order = [SyncMode.HeaderOnly, SyncMode.Standard, SyncMode.HeaderOnly, SyncMode.Standard];

    public override string Key => "modes";

    public override string Title => "2. Header-only vs standard mode";

    public override async Task RunAsync(BenchReport report, CancellationToken cancellationToken)
    {
        var spec = quick
            ? new TenantSpec(2, 100, LatencyMs: 20, LatencyMsPerKb: LatencyMsPerKb)
            : new TenantSpec(10, 2_000, LatencyMs: 100, LatencyMsPerKb: LatencyMsPerKb);
        await using var tenant = await TenantProcess.StartAsync(spec, cancellationToken);

        var runs = new List<Run>();
        foreach (var mode in Order)
        {
            await using var engine = await EngineHost.StartAsync(
                tenant.RootUrl, SyncSettings.AllAtOnce(spec.Mailboxes), cancellationToken);
            var before = await tenant.StatsAsync(cancellationToken);
            var (results, wall) = await engine.SyncAllAsync(mode, cancellationToken);
            var after = await tenant.StatsAsync(cancellationToken);
            var counts = after.Select(a => a.Value.Since(before.GetValueOrDefault(a.Key))).ToList();
            runs.Add(new Run(
                mode, wall.TotalMilliseconds, counts.Sum(c => c.ResponseBytes), counts.Sum(c => c.Requests),
                results.Sum(r => r.BodiesDownloaded), await engine.DecisionsAsync(cancellationToken)));
        }

        var header = runs.Where(r => r.Mode == SyncMode.HeaderOnly).ToList();
        var standard = runs.Where(r => r.Mode == SyncMode.Standard).ToList();
        var ratio = Percentiles.Median([.. header.Select(r => r.WallMs)]) / Percentiles.Median([.. standard.Select(r => r.WallMs)]);
        var (agreement, emails, disagreements) = Agreement(runs);

        report.Number("headerToStandardTimeRatio", ratio);
        report.Number("decisionAgreement", agreement);
        report.Details(Key, new JsonObject
        {
            ["mailboxes"] = spec.Mailboxes,
            ["messagesPerMailbox"] = spec.MessagesPerMailbox,
            ["latencyMs"] = spec.LatencyMs,
            ["latencyMsPerKb"] = spec.LatencyMsPerKb,
            ["timeRatio"] = Math.Round(ratio, 4),
            ["emailsCompared"] = emails,
            ["agreement"] = agreement,
            ["runs"] = new JsonArray([.. runs.Select(r => (JsonNode)new JsonObject
            {
                ["mode"] = r.Mode.ToString(),
                ["wallMs"] = Math.Round(r.WallMs),
                ["bytesReceived"] = r.Bytes,
                ["requests"] = r.Requests,
                ["bodiesDownloaded"] = r.Bodies,
                ["decisions"] = r.Decisions.Count,
            })]),
            ["disagreements"] = new JsonArray([.. disagreements.Select(d => (JsonNode)d)]),
        });

        var lines = new List<string>
        {
            FormattableString.Invariant($"The tenant of scenario 1 ({spec.Mailboxes} x {spec.MessagesPerMailbox:N0}, {spec.LatencyMs} ms per request) plus {spec.LatencyMsPerKb} ms per KB of every response (about 1 MB/s per request), runs alternated A/B/A/B, each into a fresh database."),
            "",
            FormattableString.Invariant($"Median time header-only / standard: **{ratio:F3}** (target <= 1.0: {Verdict(ratio <= 1.0)}). Decision agreement over {emails:N0} emails: **{agreement:F4}** (target 1.0: {Verdict(agreement >= 1.0)})."),
            "",
            "| Run | Mode | Wall (ms) | Bytes received | Requests | Bodies downloaded |",
            "|---|---|---|---|---|---|",
        };
        lines.AddRange(runs.Select((r, i) => string.Create(CultureInfo.InvariantCulture,
            $"| {(char)('A' + (i % 2))}{(i / 2) + 1} | {r.Mode} | {r.WallMs:N0} | {r.Bytes:N0} | {r.Requests:N0} | {r.Bodies:N0} |")));
        lines.Add("");
        lines.Add(disagreements.Count == 0
            ? "Disagreements: none."
            : $"Disagreements ({disagreements.Count}):");
        lines.AddRange(disagreements.Select(d => $"- `{d["mailbox"]}` `{d["message"]}`: {d["decisions"]}"));
        report.Section(Title, lines);
    }

    // An email agrees when every run stored it with the same decision.
    private static (double Agreement, int Emails, List<JsonObject> Disagreements) Agreement(IReadOnlyList<Run> runs)
    {
        var keys = runs.SelectMany(r => r.Decisions.Keys).Distinct().ToList();
        var disagreements = new List<JsonObject>();
        foreach (var key in keys)
        {
            var seen = runs.Select(r => r.Decisions.TryGetValue(key, out var d) ? d : ((Decision Decision, DecisionReason Reason)?)null).ToList();
            if (seen.Any(s => s is null) || seen.Select(s => s!.Value.Decision).Distinct().Count() > 1)
            {
                disagreements.Add(new JsonObject
                {
                    ["mailbox"] = key.User,
                    ["message"] = key.Message,
                    ["decisions"] = string.Join(", ", runs.Select((r, i) =>
                        $"{r.Mode}#{(i / 2) + 1}: {(seen[i] is { } s ? $"{s.Decision} ({s.Reason})" : "missing")}")),
                });
            }
        }

        var agreement = keys.Count == 0 ? 0 : (keys.Count - disagreements.Count) / (double)keys.Count;
        return (Math.Round(agreement, 6), keys.Count, disagreements);
    }

    private sealed record Run(
        SyncMode Mode, double WallMs, long Bytes, long Requests, int Bodies,
        Dictionary<(string User, string Message), (Decision Decision, DecisionReason Reason)> Decisions);
}
