using System.Text.Json;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Runs;
using HeaderSync.Simulator;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.CommandLine;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Tests.Sync;

// The built executable, as scripts and operators run it, against the simulated tenant over HTTP.
[Collection(EngineTestGroup.Name)]
public sealed class SyncCommandTests(EngineTenantFixture fixture) : IDisposable
{
    private readonly TempDatabase database = new();

    [Fact]
    public async Task SyncPrintsOneJsonLinePerMailboxWithTheContractsFields()
    {
        var user = fixture.Tenant.Users[0];

        var result = await ProcessRunner.RunWebAsync(
            ["sync", "--mailbox", user.UserPrincipalName, "--mode", "header-only"], Environment(fixture.Tenant));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var line = JsonDocument.Parse(Assert.Single(Lines(result.Output)));
        var json = line.RootElement;
        string[] fields = ["mailbox", "graphUserId", "mode", "full", "headersScanned", "synced", "ignored",
            "bodiesDownloaded", "requests", "throttled", "durationMs", "outcome", "error"];
        Assert.Equal(fields.Order(), json.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(user.Id.ToString(), json.GetProperty("graphUserId").GetString());
        Assert.Equal("HeaderOnly", json.GetProperty("mode").GetString());
        Assert.Equal("Completed", json.GetProperty("outcome").GetString());
        Assert.Equal(json.GetProperty("synced").GetInt32(), json.GetProperty("bodiesDownloaded").GetInt32());
        Assert.DoesNotContain("info:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASyncOfAMailboxHeldByAnotherSyncExitsWithFour()
    {
        var user = fixture.Tenant.Users[1];
        await ProcessRunner.RunWebAsync(["sync", "--mailbox", user.UserPrincipalName], Environment(fixture.Tenant));
        await using (var db = database.CreateContext())
        {
            await db.Mailboxes.Where(m => m.GraphUserId == user.Id.ToString()).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseOwner, "another-node:1/run")
                .SetProperty(m => m.LeaseExpiresAt, DateTimeOffset.MaxValue.AddDays(-1)));
        }

        var held = await ProcessRunner.RunWebAsync(["sync", "--mailbox", user.UserPrincipalName], Environment(fixture.Tenant));

        Assert.Equal(ExitCodes.MailboxHeld, held.ExitCode);
        using var line = JsonDocument.Parse(Assert.Single(Lines(held.Output)));
        Assert.Equal("Skipped", line.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task ASyncKilledMidRunLosesAndDoublesNothingWhenRunAgain()
    {
        await using var tenant = await SimulatedTenant.StartAsync(
            new SimulatorOptions { Seed = 31, Mailboxes = 2, MessagesPerMailbox = 300, LatencyMs = 25 });
        var expected = (await EngineHarness.BaselineAsync(tenant)).SelectMany(d => d).ToDictionary();
        var environment = Environment(tenant);
        environment["Sync__PageSize"] = "10";

        using (var killed = ProcessRunner.StartWeb(["sync", "--all", "--mode", "header-only"], environment))
        {
            await WaitForDecisionsAsync(atLeast: 60);
            killed.Kill(entireProcessTree: true);
            await killed.WaitForExitAsync();
        }

        var rerun = await ProcessRunner.RunWebAsync(["sync", "--all", "--mode", "header-only"], environment, TimeSpan.FromSeconds(120));

        Assert.Equal(ExitCodes.Success, rerun.ExitCode);
        await using var db = database.CreateContext();
        var stored = await db.EmailDecisions.AsNoTracking()
            .ToDictionaryAsync(d => d.GraphMessageId, d => (d.Decision, d.Reason));
        Assert.Equal(expected, stored);
        Assert.Equal(0, await db.EmailDecisions.CountAsync(d => d.Decision == Decision.Synced && !d.BodyDownloaded));
        Assert.Equal(stored.Count, await db.DailyDecisionCounts.SumAsync(c => c.Count));
        var cut = await db.SyncRuns.Where(r => r.EndedAt == null).ToListAsync();
        Assert.NotEmpty(cut);
        Assert.All(cut, r => Assert.Equal(HeaderSync.Engine.Sync.SyncOutcomes.InterruptedError, r.Error));
    }

    public void Dispose() => database.Dispose();

    private Dictionary<string, string?> Environment(SimulatedTenant tenant) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Simulator__Url"] = tenant.RootUrl.AbsoluteUri,
        ["Database__ConnectionString"] = database.ConnectionString,
    };

    private async Task WaitForDecisionsAsync(int atLeast)
    {
        for (var i = 0; i < 600; i++)
        {
            await Task.Delay(50);
            if (!File.Exists(database.FilePath))
            {
                continue;
            }

            try
            {
                await using var db = database.CreateContext();
                if (await db.EmailDecisions.CountAsync() >= atLeast)
                {
                    return;
                }
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // Still being created by the sync process.
            }
        }

        Assert.Fail($"The sync never stored {atLeast} decisions.");
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
