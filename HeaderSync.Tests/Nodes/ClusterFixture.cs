using System.Collections.Concurrent;
using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Data.Runs;
using HeaderSync.Data.Settings;
using HeaderSync.Engine.Status;
using HeaderSync.Simulator.Evidence;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Status;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Tests.Nodes;

/// <summary>
/// Two portal nodes sharing PostgreSQL and Redis against a standalone simulated tenant of 20
/// mailboxes: both sync on Quartz's clustered store, a hub client listens on node B, node A is
/// killed with SIGKILL in the middle of a sync, and node B finishes. The tests read what it left.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int MailboxCount = 20;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan HubWait = TimeSpan.FromSeconds(30);

    private PostgresServer? postgres;
    private RedisServer? redis;
    private LaunchedProcess? simulator;
    private PortalNode? nodeA;
    private PortalNode? nodeB;
    private HubConnection? hub;
    private readonly long started = TimeProvider.System.GetTimestamp();
    private readonly List<string> timeline = [];

    public string NodeA { get; private set; } = "";

    public string NodeB { get; private set; } = "";

    /// <summary>When node A was killed; its unfinished run ended no later than this.</summary>
    public DateTimeOffset KilledAt { get; private set; }

    /// <summary>Every status the hub client connected to node B received.</summary>
    public ConcurrentQueue<MailboxStatusUpdate> StatusesSeenOnB { get; } = new();

    public IReadOnlyList<SyncRun> Runs { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Mailboxes { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<EmailDecision> Decisions { get; private set; } = [];

    public int DailyCountTotal { get; private set; }

    public int StoredBodies { get; private set; }

    public IReadOnlyDictionary<string, IReadOnlyList<MessageEvidence>> Expected { get; private set; } =
        new Dictionary<string, IReadOnlyList<MessageEvidence>>();

    internal IReadOnlyList<TenantEvidence.MailboxStats> Stats { get; private set; } = [];

    internal string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        try
        {
            await RunScenarioAsync();
        }
        catch (Exception exception)
        {
            var logs = SaveLogs();
            await DisposeAsync();
            throw new InvalidOperationException($"The two-node scenario failed (logs in {logs}).", exception);
        }

        SaveLogs();
    }

    public async Task DisposeAsync()
    {
        if (hub is not null)
        {
            await hub.DisposeAsync();
            hub = null;
        }

        foreach (var node in new[] { nodeA, nodeB })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        nodeA = nodeB = null;
        if (simulator is not null)
        {
            await simulator.DisposeAsync();
            simulator = null;
        }

        if (redis is not null)
        {
            await redis.DisposeAsync();
            redis = null;
        }

        if (postgres is not null)
        {
            await postgres.DisposeAsync();
            postgres = null;
        }
    }

    internal HeaderSyncDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<HeaderSyncDbContext>();
        HeaderSyncDatabase.Configure(builder, DatabaseProvider.Postgres, ConnectionString);
        return new HeaderSyncDbContext(builder.Options);
    }

    private async Task RunScenarioAsync()
    {
        var servers = (PostgresServer.StartAsync(), RedisServer.StartAsync());
        simulator = new LaunchedProcess(ProcessRunner.StartSimulator([
            "--urls", "http://127.0.0.1:0", "--seed", "17", "--mailboxes", $"{MailboxCount}",
            "--messages-per-mailbox", "40", "--latency-ms", "120"]));
        postgres = await servers.Item1;
        redis = await servers.Item2;
        var listening = await simulator.WaitForLineAsync("Simulator listening on ", TimeSpan.FromSeconds(60));
        Mark("postgres, redis and the simulated tenant up");
        var root = new Uri(listening["Simulator listening on ".Length..].Trim() + "/");
        using var tenant = new TenantEvidence(root);
        ConnectionString = postgres.ConnectionString("headersync");

        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Simulator__Url"] = root.AbsoluteUri,
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = ConnectionString,
            ["Scheduler__Clustered"] = "true",
            ["Redis__ConnectionString"] = redis.ConnectionString,
            ["Sync__PageSize"] = "10",
            ["Sync__MaxConcurrentMailboxes"] = "2",
            ["Status__CoalesceMs"] = "100",
        };
        var migrate = await ProcessRunner.RunWebAsync(["migrate"], environment, TimeSpan.FromSeconds(120));
        if (migrate.ExitCode != 0)
        {
            throw new InvalidOperationException($"migrate failed: {migrate.Error}");
        }

        Mark("migrated");

        // A minute between runs, below what an admin may choose, so runs come within the test.
        await using (var db = CreateContext())
        {
            await db.OrgSettings.Where(s => s.Id == OrgSettings.SingletonId).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.SyncIntervalMinutes, 1)
                .SetProperty(s => s.HeaderOnlySync, true));
        }

        // Node A enrols the tenant's mailboxes on first start and schedules them; B joins it.
        nodeA = await PortalNode.StartAsync("a", environment);
        NodeA = nodeA.NodeId;
        Mark($"node a ({NodeA}) healthy");
        nodeB = await PortalNode.StartAsync("b", environment);
        NodeB = nodeB.NodeId;
        Mark($"node b ({NodeB}) healthy");
        await ListenOnNodeBAsync(await tenant.AutomationTokenAsync());

        // Node A may be between pages when the client connects; kill it only once the client has
        // had the chance to hear one of its runs. Not hearing one is left for the test to report.
        var heard = await TryWaitUntilAsync(HubWait, async db =>
        {
            var runs = await db.SyncRuns.AsNoTracking().ToListAsync();
            return StatusesSeenOnB.Any(s => IsLiveStatusOfARunOnNodeA(s, runs));
        });
        Mark(heard ? "node b's hub client heard a run on node a" : "node b's hub client heard nothing from node a");

        await WaitUntilAsync("node A is mid-sync and both nodes have run jobs", async db =>
        {
            var runs = await db.SyncRuns.AsNoTracking().ToListAsync();
            return runs.Any(r => r.Node == NodeA && r.Outcome == SyncOutcome.Completed)
                && runs.Any(r => r.Node == NodeA && r.EndedAt == null)
                && runs.Any(r => r.Node == NodeB);
        });
        KilledAt = TimeProvider.System.GetUtcNow();
        await nodeA.Process.KillAsync();
        Mark("node a killed");

        await WaitUntilAsync("node B has finished every mailbox", async db =>
        {
            var runs = await db.SyncRuns.AsNoTracking().ToListAsync();
            var interrupted = runs.Where(r => r.Node == NodeA && r.EndedAt == null).ToList();
            return runs.Where(r => r.Outcome == SyncOutcome.Completed).Select(r => r.MailboxId).Distinct().Count()
                    == MailboxCount
                && interrupted.All(i => runs.Any(r => r.MailboxId == i.MailboxId && r.StartedAt > i.StartedAt
                    && r.Outcome == SyncOutcome.Completed));
        });

        Mark("node b finished every mailbox");
        await CollectAsync(tenant);
    }

    private void Mark(string what) => timeline.Add(
        $"{TimeProvider.System.GetElapsedTime(started).TotalSeconds,6:F1} s  {what}");

    private async Task ListenOnNodeBAsync(string token)
    {
        hub = new HubConnectionBuilder()
            .WithUrl(new Uri(nodeB!.BaseAddress, SyncStatusHub.Path.TrimStart('/')),
                options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        hub.On<IReadOnlyList<MailboxStatusUpdate>>(nameof(ISyncStatusClient.StatusChanged), batch =>
        {
            foreach (var status in batch)
            {
                StatusesSeenOnB.Enqueue(status);
            }
        });
        await hub.StartAsync();
    }

    private async Task CollectAsync(TenantEvidence tenant)
    {
        await using var db = CreateContext();
        Runs = await db.SyncRuns.AsNoTracking().OrderBy(r => r.StartedAt).ToListAsync();
        Mailboxes = await db.Mailboxes.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.OwnerAddress);
        Decisions = await db.EmailDecisions.AsNoTracking().ToListAsync();
        DailyCountTotal = await db.DailyDecisionCounts.SumAsync(c => c.Count);
        StoredBodies = await db.EmailContents.CountAsync();

        var expected = new Dictionary<string, IReadOnlyList<MessageEvidence>>();
        foreach (var address in Mailboxes.Values)
        {
            expected[address] = [.. (await tenant.MessagesAsync(address))
                .Where(m => m.Folder is "inbox" or "sentitems")];
        }

        Expected = expected;
        Stats = await tenant.StatsAsync();
    }

    /// <summary>
    /// Whether <paramref name="status"/> reports scanning or downloading during a run node A
    /// recorded (a run cut short by the kill counts until the kill).
    /// </summary>
    public bool IsLiveStatusOfARunOnNodeA(MailboxStatusUpdate status, IEnumerable<SyncRun> runs) =>
        status.State is MailboxState.ScanningHeaders or MailboxState.DownloadingBodies
        && runs.Any(r => r.Node == NodeA && r.MailboxId == status.MailboxId && r.StartedAt <= status.At
            && status.At <= (r.EndedAt ?? (KilledAt == default ? DateTimeOffset.MaxValue : KilledAt)));

    private async Task WaitUntilAsync(string what, Func<HeaderSyncDbContext, Task<bool>> condition)
    {
        if (!await TryWaitUntilAsync(Patience, condition))
        {
            throw new TimeoutException($"Waited {Patience.TotalSeconds} s in vain until {what}.");
        }
    }

    private async Task<bool> TryWaitUntilAsync(TimeSpan patience, Func<HeaderSyncDbContext, Task<bool>> condition)
    {
        using var cancel = new CancellationTokenSource(patience);
        while (!cancel.IsCancellationRequested)
        {
            await using (var db = CreateContext())
            {
                if (await condition(db))
                {
                    return true;
                }
            }

            await Task.Delay(100, CancellationToken.None);
        }

        return false;
    }

    private string SaveLogs()
    {
        var directory = RepositoryPaths.ArtifactsDirectory("cluster");
        File.WriteAllText(Path.Combine(directory, "node-a.log"), nodeA?.Process.Output ?? "");
        File.WriteAllText(Path.Combine(directory, "node-b.log"), nodeB?.Process.Output ?? "");
        File.WriteAllText(Path.Combine(directory, "simulator.log"), simulator?.Output ?? "");
        File.WriteAllLines(Path.Combine(directory, "timeline.txt"), timeline);
        return directory;
    }
}
