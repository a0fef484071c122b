using System.Globalization;
using HeaderSync.Simulator.Tenant;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace HeaderSync.Simulator;

/// <summary>The standalone simulator: <c>dotnet run --project HeaderSync.Simulator -- --urls ...</c>.</summary>
internal static class SimulatorProgram
{
    private static readonly Dictionary<string, string> Switches = new()
    {
        ["--urls"] = "urls",
        ["--seed"] = "Simulator:Seed",
        ["--mailboxes"] = "Simulator:Mailboxes",
        ["--messages-per-mailbox"] = "Simulator:MessagesPerMailbox",
        ["--latency-ms"] = "Simulator:LatencyMs",
        ["--relevant-share"] = "Simulator:RelevantShare",
        ["--record-requests"] = "Simulator:RecordRequests",
    };

    public static async Task<int> Main(string[] args)
    {
        SimulatorOptions options;
        string urls;
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddEnvironmentVariables()
                .AddCommandLine(args, Switches)
                .Build();
            options = configuration.GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>() ?? new();
            urls = configuration["urls"] ?? "http://127.0.0.1:5180";
            options.Validate();
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }

        await using var tenant = await SimulatedTenant.StartAsync(options, urls, null, LogLevel.Information, default);

        // Standard output carries exactly this line, so scripts can wait for it and read the URL.
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Simulator listening on {tenant.RootUrl.AbsoluteUri.TrimEnd('/')}"));
        await Console.Out.FlushAsync();
        await tenant.WaitForShutdownAsync();
        return 0;
    }
}
