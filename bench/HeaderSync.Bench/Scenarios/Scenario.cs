using HeaderSync.Bench.Reporting;

namespace HeaderSync.Bench.Scenarios;

/// <summary>One measured question about the product, answered into the report.</summary>
internal abstract class Scenario
{
    /// <summary>The name <c>--only</c> takes.</summary>
    public abstract string Key { get; }

    public abstract string Title { get; }

    public abstract Task RunAsync(BenchReport report, CancellationToken cancellationToken);

    public static IReadOnlyList<Scenario> All(BenchOptions options) =>
    [
        new EfficiencyScenario(options.Quick),
        new ModeComparisonScenario(options.Quick),
        new ThroughputScenario(options.Quick),
        new LiveStatusScenario(options.Quick),
        new ReviewQueryScenario(options.Quick),
        new MemoryScenario(options.Quick),
        new DecisionScenario(options.Quick),
    ];

    protected static string Verdict(bool met) => met ? "met" : "**missed**";
}
