using System.Net.Http.Json;
using System.Text.Json;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Graph;
using HeaderSync.Simulator;

namespace HeaderSync.Tests.Sync;

[Collection(EngineTestGroup.Name)]
public sealed class RequestConcurrencyTests
{
    [Fact]
    public async Task AHeaderOnlySyncKeepsAllFourOfTheMailboxsRequestSlotsBusyWithoutBeingThrottled()
    {
        // With latency on every request, only requests that overlap reach the tenant together.
        await using var tenant = await SimulatedTenant.StartAsync(
            new SimulatorOptions { Seed = 83, Mailboxes = 1, MessagesPerMailbox = 400, LatencyMs = 40 });
        await using var harness = await EngineHarness.StartAsync(tenant);
        var user = tenant.Users[0].Id.ToString();
        var mailboxId = await harness.MailboxIdAsync(user);

        var result = await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);

        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        using var http = new HttpClient { BaseAddress = tenant.RootUrl };
        var stats = await http.GetFromJsonAsync<JsonElement>("_simulator/stats");
        var mailbox = stats.GetProperty("value").EnumerateArray()
            .Single(m => m.GetProperty("mailbox").GetString() == user);
        Assert.True(mailbox.GetProperty("messageRequests").GetInt64() >= 4 * MailboxRequestGate.MaxConcurrentRequests,
            $"only {mailbox.GetProperty("messageRequests").GetInt64()} body requests");
        Assert.Equal(MailboxRequestGate.MaxConcurrentRequests, mailbox.GetProperty("peakConcurrentRequests").GetInt32());
        Assert.Equal(0, mailbox.GetProperty("throttled").GetInt64());
    }
}
