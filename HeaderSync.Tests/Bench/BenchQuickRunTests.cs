using System.Diagnostics;
using System.Text.Json;
using HeaderSync.Tests.Infrastructure;

namespace HeaderSync.Tests.Bench;

/// <summary>The built bench binary runs every scenario small and writes a report with every figure.</summary>
public sealed class BenchQuickRunTests : IDisposable
{
    private static readonly string[] Figures =
    [
        "efficiencyRatio", "headerToStandardTimeRatio", "decisionAgreement", "messagesPerSecond",
        "statusLatencyP95Ms", "reviewQueryP95Ms", "peakWorkingSetMb", "decisionsPerSecond",
    ];

    private readonly string output = Path.Combine(Path.GetTempPath(), "headersync-bench-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task QuickRunWritesEveryFigureAsANumber()
    {
        var (exitCode, stdout, stderr) = await RunBenchAsync("--quick", "--out", output);

        Assert.True(exitCode == 0, $"The bench exited {exitCode}:\n{stderr}");
        Assert.Equal(Path.Combine(output, "report.json"), stdout.Trim());
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json")));
        foreach (var figure in Figures)
        {
            Assert.True(report.RootElement.TryGetProperty(figure, out var value), $"report.json lacks {figure}");
            Assert.Equal(JsonValueKind.Number, value.ValueKind);
        }

        var agreement = report.RootElement.GetProperty("decisionAgreement").GetDouble();
        Assert.InRange(agreement, 0, 1);
        var markdown = await File.ReadAllTextAsync(Path.Combine(output, "report.md"));
        Assert.Contains("## 7. Decision function", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownArgumentIsAUsageError()
    {
        var (exitCode, _, stderr) = await RunBenchAsync("--fast");

        Assert.Equal(2, exitCode);
        Assert.Contains("--fast", stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunBenchAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.BenchDll)!,
        };
        start.ArgumentList.Add(RepositoryPaths.BenchDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The bench did not finish: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
