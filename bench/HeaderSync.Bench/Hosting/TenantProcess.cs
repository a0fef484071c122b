using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace HeaderSync.Bench.Hosting;

/// <summary>A simulated tenant running in a child process, and what it counts per mailbox.</summary>
internal sealed class TenantProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly HttpClient http;

    private TenantProcess(Process process, Uri rootUrl, TenantSpec spec)
    {
        this.process = process;
        RootUrl = rootUrl;
        Spec = spec;
        http = new HttpClient { BaseAddress = rootUrl, Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri RootUrl { get; }

    public TenantSpec Spec { get; }

    /// <summary>CPU time the tenant's process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static async Task<TenantProcess> StartAsync(TenantSpec spec, CancellationToken cancellationToken)
    {
        // The tenant stands in for Graph, a service long warmed up: it runs optimised code from its
        // first request instead of spending the shared cores on tiered recompilation mid-scenario.
        var process = SelfProcess.Start(
            [TenantCommand.Name, .. spec.ToArguments()], redirectInput: true,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["DOTNET_TieredCompilation"] = "0" });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(TenantCommand.ListeningPrefix, StringComparison.Ordinal))
            {
                return new TenantProcess(process, new Uri(line[TenantCommand.ListeningPrefix.Length..]), spec);
            }
        }

        throw new InvalidOperationException($"The tenant process exited ({process.ExitCode}) before listening.");
    }

    /// <summary>The tenant's own description: ids and secrets of its app registrations, its users.</summary>
    public async Task<JsonElement> TenantAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<JsonElement>("_simulator/tenant", cancellationToken);

    /// <summary>Counters per mailbox (Graph user id) since the tenant started.</summary>
    public async Task<Dictionary<string, MailboxCounts>> StatsAsync(CancellationToken cancellationToken)
    {
        var stats = await http.GetFromJsonAsync<JsonElement>("_simulator/stats", cancellationToken);
        return stats.GetProperty("value").EnumerateArray().ToDictionary(
            s => s.GetProperty("mailbox").GetString()!,
            MailboxCounts.From,
            StringComparer.OrdinalIgnoreCase);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        try
        {
            process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
