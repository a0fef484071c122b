using HeaderSync.Simulator.Hosting;

namespace HeaderSync.Tests.Simulator.Hosting;

public sealed class CommandLineTests
{
    [Fact]
    public void FlagsMapToSimulatorKeys()
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:5999", "--seed", "9", "--mailboxes", "4", "--messages-per-mailbox", "1000",
            "--latency-ms", "25", "--relevant-share", "0.25",
        ];

        var (options, urls) = SimulatorCommandLine.Parse(args, readEnvironment: false);

        Assert.Equal("http://127.0.0.1:5999", urls);
        Assert.Equal((9, 4, 1000, 25, 0.25), (options.Seed, options.Mailboxes, options.MessagesPerMailbox,
            options.LatencyMs, options.RelevantShare));
    }

    [Fact]
    public void DefaultsAreDesignsDefaults()
    {
        var (options, urls) = SimulatorCommandLine.Parse([], readEnvironment: false);

        Assert.Equal((1, 5, 200, 0, 0.1, true), (options.Seed, options.Mailboxes, options.MessagesPerMailbox,
            options.LatencyMs, options.RelevantShare, options.RecordRequests));
        Assert.Equal(SimulatorCommandLine.DefaultUrls, urls);
    }

    [Fact]
    public void BadValueNamesItsKey()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => SimulatorCommandLine.Parse(["--relevant-share", "2"], readEnvironment: false));

        Assert.Contains("Simulator:RelevantShare", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidatorReportsTheBadKey()
    {
        var options = new HeaderSync.Simulator.SimulatorOptions { Mailboxes = 0 };

        var result = new HeaderSync.Simulator.SimulatorOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Simulator:Mailboxes", result.FailureMessage, StringComparison.Ordinal);
    }
}
