using Microsoft.Extensions.Configuration;

namespace HeaderSync.Simulator.Hosting;

/// <summary>Maps the standalone flags onto <c>Simulator:*</c> keys; environment variables also apply.</summary>
internal static class SimulatorCommandLine
{
    public const string DefaultUrls = "http://127.0.0.1:5180";

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

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the key of a bad value.</summary>
    public static (SimulatorOptions Options, string Urls) Parse(string[] args, bool readEnvironment = true)
    {
        var builder = new ConfigurationBuilder();
        if (readEnvironment)
        {
            builder.AddEnvironmentVariables();
        }

        var configuration = builder.AddCommandLine(args, Switches).Build();
        var options = configuration.GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>() ?? new();
        options.Validate();
        return (options, configuration["urls"] ?? DefaultUrls);
    }
}
