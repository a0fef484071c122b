using System.Diagnostics.Metrics;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Runs;
using HeaderSync.Simulator;
using HeaderSync.Tests.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace HeaderSync.Tests.Diagnostics;

// A tenant of their own: the second changes its faults, and neither reads the shared one.
[Collection(EngineTestGroup.Name)]
public sealed class SyncMetricsTests
{
    private const string Headers = "headersync.headers_scanned";
    private const string Bodies = "headersync.bodies_downloaded";
    private const string Decisions = "headersync.decisions";
    private const string Promoted = "headersync.decisions.promoted";
    private const string Requests = "headersync.graph.requests";
    private const string Throttled = "headersync.graph.throttled";
    private const string Failures = "headersync.sync.failures";
    private const string Duration = "headersync.sync.duration";

    [Fact]
    public async Task ARunsMeasurementsAddUpToItsResultAndNameItsMailbox()
    {
        await using var tenant = await SimulatedTenant.StartAsync(SmallTenant(mailboxes: 1));
        await using var harness = await EngineHarness.StartAsync(tenant);
        var mailbox = await harness.MailboxIdAsync(tenant.Users[0].Id.ToString());
        using var recorder = RecorderOf(harness);

        var result = await harness.SyncAsync(mailbox, SyncMode.HeaderOnly);

        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        Assert.True(result.HeadersScanned > 0, "the run read no header");
        Assert.True(result.BodiesDownloaded > 0, "the run downloaded no body");
        Assert.All(recorder.Measurements, m => Assert.Equal(result.Mailbox, m.Tags["mailbox"]));
        Assert.Equal(result.HeadersScanned, recorder.Sum(Headers, result.Mailbox));
        Assert.Equal(result.BodiesDownloaded, recorder.Sum(Bodies, result.Mailbox));
        Assert.Equal(result.Requests, recorder.Sum(Requests, result.Mailbox));
        Assert.Equal(0, recorder.Sum(Throttled, result.Mailbox));
        Assert.Empty(recorder.Of(Failures, result.Mailbox));

        var decisions = recorder.Of(Decisions, result.Mailbox).ToList();
        var promoted = recorder.Sum(Promoted, result.Mailbox);
        Assert.Equal(result.Synced + result.Ignored, decisions.Sum(d => d.Value));
        var synced = decisions.Where(d => d.Tags["decision"] == "Synced").Sum(d => d.Value);
        Assert.Equal(result.Synced, synced + promoted);
        var reasons = decisions.Select(d => d.Tags["reason"]).Distinct().ToList();
        Assert.All(reasons, r => Assert.True(Enum.TryParse<DecisionReason>(r, out _), r));
        Assert.True(reasons.Count > 1, "every decision had the same reason");

        var duration = Assert.Single(recorder.Of(Duration, result.Mailbox));
        Assert.Equal("s", duration.Unit);
        Assert.Equal(result.DurationMs / 1000.0, duration.Value, precision: 3);
        Assert.Equal("Completed", duration.Tags["outcome"]);
        Assert.Equal("HeaderOnly", duration.Tags["mode"]);
    }

    [Fact]
    public async Task ThrottledRequestsAndAFailedRunAreCountedForTheirMailbox()
    {
        await using var tenant = await SimulatedTenant.StartAsync(SmallTenant(mailboxes: 2));
        var faults = tenant.Faults;
        faults.ThrottleRate = 0.15;
        faults.RetryAfter = "0.05";
        faults.UnauthorizedMailbox = tenant.Users[0].Id.ToString();
        tenant.Faults = faults;
        await using var harness = await EngineHarness.StartAsync(tenant);
        using var recorder = RecorderOf(harness);

        var blocked = await harness.SyncAsync(
            await harness.MailboxIdAsync(tenant.Users[0].Id.ToString()), SyncMode.HeaderOnly);
        var stormed = await harness.SyncAsync(
            await harness.MailboxIdAsync(tenant.Users[1].Id.ToString()), SyncMode.HeaderOnly);

        Assert.Equal(SyncOutcome.Failed, blocked.Outcome);
        Assert.Equal(1, recorder.Sum(Failures, blocked.Mailbox));
        var failed = Assert.Single(recorder.Of(Duration, blocked.Mailbox));
        Assert.Equal("Failed", failed.Tags["outcome"]);

        Assert.Equal(SyncOutcome.Completed, stormed.Outcome);
        Assert.True(stormed.Throttled > 0, "the storm throttled no request");
        Assert.Equal(stormed.Throttled, recorder.Sum(Throttled, stormed.Mailbox));
        Assert.Equal(stormed.Requests, recorder.Sum(Requests, stormed.Mailbox));
        Assert.Empty(recorder.Of(Failures, stormed.Mailbox));
    }

    private static MeasurementRecorder RecorderOf(EngineHarness harness) =>
        new(harness.Services.GetRequiredService<IMeterFactory>());

    private static SimulatorOptions SmallTenant(int mailboxes) =>
        new() { Seed = 41, Mailboxes = mailboxes, MessagesPerMailbox = 120 };
}
