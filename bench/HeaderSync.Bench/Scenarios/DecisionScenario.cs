using System.Text.Json.Nodes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using HeaderSync.Bench.Reporting;
using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Relevance;
using Perfolizer.Horology;

namespace HeaderSync.Bench.Scenarios;

/// <summary>7. The decision function alone, measured by BenchmarkDotNet in this process.</summary>
internal sealed class DecisionScenario(bool quick) : Scenario
{
    public override string Key => "decision";

    public override string Title => "7. Decision function";

    public override async Task RunAsync(BenchReport report, CancellationToken cancellationToken)
    {
        var inputs = await DecisionInputs.LoadAsync(DecisionBenchmark.EmailsPerInvoke, cancellationToken);
        DecisionBenchmark.Inputs = inputs;

        var job = quick
            ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)
            : Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(3).WithIterationCount(10).WithIterationTime(TimeInterval.FromMilliseconds(250));
        var artifacts = Path.Combine(Path.GetTempPath(), "headersync-bench", "BenchmarkDotNet." + Guid.NewGuid().ToString("N"));
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
            .AddLogger(new StreamLogger(new StreamWriter(Console.OpenStandardError()) { AutoFlush = true }))
            .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<DecisionBenchmark>(config);
        var run = summary.Reports.Single();
        if (!run.Success || run.ResultStatistics is null)
        {
            throw new InvalidOperationException("The decision benchmark did not run: " + string.Join("; ", summary.ValidationErrors.Select(e => e.Message)));
        }

        var nanoseconds = run.ResultStatistics.Mean;
        var perSecond = 1e9 / nanoseconds;
        var allocated = run.GcStats.GetBytesAllocatedPerOperation(run.BenchmarkCase) ?? 0;
        var reasons = inputs.Emails.GroupBy(e => RelevanceDecider.Decide(e, inputs.Basis, inputs.Threads).Reason)
            .OrderBy(g => g.Key).ToList();
        report.Number("decisionsPerSecond", perSecond);
        report.Details(Key, new JsonObject
        {
            ["emails"] = inputs.Emails.Count,
            ["nanosecondsPerEmail"] = Math.Round(nanoseconds, 1),
            ["decisionsPerSecond"] = Math.Round(perSecond),
            ["allocatedBytesPerEmail"] = allocated,
            ["reasons"] = new JsonObject([.. reasons.Select(g => KeyValuePair.Create<string, JsonNode?>(g.Key.ToString(), g.Count()))]),
        });
        report.Section(Title,
            FormattableString.Invariant($"BenchmarkDotNet {typeof(BenchmarkRunner).Assembly.GetName().Version} (in-process toolchain, memory diagnoser): `RelevanceDecider.Decide` over {inputs.Emails.Count:N0} emails of a synced simulated mailbox (header fields read from the header pass's own Graph JSON), against the basis and synced threads that sync left."),
            "",
            FormattableString.Invariant($"**{perSecond:N0} emails decided per second** ({nanoseconds:F0} ns each), **{allocated:N0} bytes allocated per email**. Reasons in the sample: {string.Join(", ", reasons.Select(g => $"{g.Key} {g.Count()}"))}."));
    }
}
