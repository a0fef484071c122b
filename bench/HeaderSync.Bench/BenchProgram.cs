using System.Diagnostics;
using HeaderSync.Bench.Hosting;
using HeaderSync.Bench.Reporting;
using HeaderSync.Bench.Scenarios;

namespace HeaderSync.Bench;

/// <summary>
/// <c>HeaderSync.Bench [--quick] [--out DIR] [--only NAME,...]</c>: runs the scenarios and writes
/// <c>report.md</c> and <c>report.json</c>. The sub-commands <c>tenant</c> and <c>memory-run</c>
/// are the child processes the scenarios start.
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == TenantCommand.Name)
        {
            return await TenantCommand.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == MemoryRun.Name)
        {
            return await MemoryRun.RunChildAsync(args[1..]);
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException usage)
        {
            await Console.Error.WriteLineAsync(usage.Message);
            await Console.Error.WriteLineAsync(BenchOptions.Usage);
            return 2;
        }

        await Console.Error.WriteLineAsync("[bench] warming up...");
        await Warmup.RunAsync(options.Quick, CancellationToken.None);
        var report = new BenchReport(options);
        var total = Stopwatch.StartNew();
        foreach (var scenario in Scenario.All(options))
        {
            if (!options.Runs(scenario.Key))
            {
                continue;
            }

            await Console.Error.WriteLineAsync($"[bench] {scenario.Title}...");
            var watch = Stopwatch.StartNew();
            await scenario.RunAsync(report, CancellationToken.None);
            await Console.Error.WriteLineAsync($"[bench] {scenario.Title}: {watch.Elapsed.TotalSeconds:F1} s");

            // Written after every scenario, so a run stopped part way still leaves its figures.
            report.TotalSeconds = total.Elapsed.TotalSeconds;
            await report.WriteAsync(options.Out, CancellationToken.None);
        }

        report.TotalSeconds = total.Elapsed.TotalSeconds;
        await report.WriteAsync(options.Out, CancellationToken.None);
        await Console.Out.WriteLineAsync(Path.Combine(options.Out, BenchReport.JsonFile));
        return 0;
    }
}
