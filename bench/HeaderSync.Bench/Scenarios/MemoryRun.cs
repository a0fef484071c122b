using System.Diagnostics;
using System.Text.Json;
using HeaderSync.Bench.Hosting;
using HeaderSync.Data.Decisions;

namespace HeaderSync.Bench.Scenarios;

/// <summary>
/// <c>memory-run --tenant URL</c>: syncs every mailbox of a running tenant in this process and
/// prints one JSON line with the process's peak working set.
/// </summary>
internal static class MemoryRun
{
    public const string Name = "memory-run";

    public static async Task<int> RunChildAsync(string[] args)
    {
        if (args.Length != 2 || args[0] != "--tenant")
        {
            await Console.Error.WriteLineAsync($"usage: {Name} --tenant URL");
            return 2;
        }

        await using var engine = await EngineHost.StartAsync(
            new Uri(args[1]), SyncSettings.AllAtOnce(1), CancellationToken.None);
        var (results, wall) = await engine.SyncAllAsync(SyncMode.Standard, CancellationToken.None);

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new MemoryResult(
            self.PeakWorkingSet64 / (1024.0 * 1024.0),
            results.Sum(r => r.HeadersScanned),
            results.Sum(r => r.BodiesDownloaded),
            wall.TotalMilliseconds)));
        return 0;
    }

    public static async Task<MemoryResult> RunAsync(Uri tenant, CancellationToken cancellationToken)
    {
        using var process = SelfProcess.Start([Name, "--tenant", tenant.AbsoluteUri], redirectInput: false);
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"{Name} exited {process.ExitCode}: {output}");
        }

        return JsonSerializer.Deserialize<MemoryResult>(line)!;
    }

    internal sealed record MemoryResult(double PeakWorkingSetMb, int HeadersScanned, int BodiesDownloaded, double WallMs);
}
