using HeaderSync.Simulator;

namespace HeaderSync.Bench.Hosting;

/// <summary>
/// <c>tenant --mailboxes N --messages N --latency-ms N --latency-ms-per-kb N --seed N</c>: the
/// simulated tenant in a process of its own, so its CPU is counted apart from the engine's.
/// Prints its root URL, then serves until standard input closes.
/// </summary>
internal static class TenantCommand
{
    public const string Name = "tenant";
    public const string ListeningPrefix = "listening ";

    public static async Task<int> RunAsync(string[] args)
    {
        var spec = TenantSpec.Parse(args);
        var options = new SimulatorOptions
        {
            Seed = spec.Seed,
            Mailboxes = spec.Mailboxes,
            MessagesPerMailbox = spec.MessagesPerMailbox,
            LatencyMs = spec.LatencyMs,
            RelevantShare = TenantSpec.RelevantShare,

            // The request log keeps every request: evidence for tests, overhead for a benchmark.
            RecordRequests = false,
        };
        options.Faults.LatencyMsPerKb = spec.LatencyMsPerKb;

        await using var tenant = await SimulatedTenant.StartAsync(options);
        await Console.Out.WriteLineAsync(ListeningPrefix + tenant.RootUrl.AbsoluteUri);
        await Console.Out.FlushAsync();
        while (await Console.In.ReadLineAsync() is not null)
        {
            // Any line is ignored; the parent ends the tenant by closing standard input.
        }

        return 0;
    }
}
