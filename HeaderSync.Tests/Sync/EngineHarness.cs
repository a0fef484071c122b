using HeaderSync.Data.Database;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Sync;
using HeaderSync.Simulator;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Hosting;
using HeaderSync.Web.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HeaderSync.Tests.Sync;

/// <summary>
/// The engine as the portal composes it, on a database of its own, against the shared tenant:
/// the same services, settings and enrolment a developer's run has.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private readonly WebApplication app;

    private EngineHarness(WebApplication app, TempDatabase database)
    {
        this.app = app;
        Database = database;
    }

    public TempDatabase Database { get; }

    public IServiceProvider Services => app.Services;

    public static Task<EngineHarness> StartAsync(
        EngineTenantFixture tenant, IReadOnlyDictionary<string, string?>? settings = null) =>
        StartAsync(tenant.Tenant, settings);

    public static async Task<EngineHarness> StartAsync(
        SimulatedTenant tenant,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var database = new TempDatabase();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            Args = [],
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Simulator:Url"] = tenant.RootUrl.AbsoluteUri,
            ["Simulator:Enabled"] = "false",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        await builder.AddHeaderSyncCoreAsync(CancellationToken.None);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await app.Services.GetRequiredService<SimulatedTenantEnrolment>().EnrolOnFirstStartAsync(CancellationToken.None);
        return new EngineHarness(app, database);
    }

    public HeaderSyncDbContext CreateContext() => Database.CreateContext();

    public async Task<Guid> MailboxIdAsync(string graphUserId)
    {
        await using var db = CreateContext();
        return await db.Mailboxes.Where(m => m.GraphUserId == graphUserId).Select(m => m.Id).SingleAsync();
    }

    public Task<SyncResult> SyncAsync(
        Guid mailboxId, HeaderSync.Data.Decisions.SyncMode? mode, bool full = false,
        CancellationToken cancellationToken = default) =>
        Services.GetRequiredService<MailboxSyncer>().SyncAsync(
            new SyncRequest(mailboxId, SyncTrigger.CommandLine, full, mode, "test"), cancellationToken);

    /// <summary>
    /// What a fault-free header-only sync decides for each mailbox of a tenant, in user order:
    /// the baseline a disturbed run is compared with.
    /// </summary>
    public static async Task<List<Dictionary<string, (HeaderSync.Data.Decisions.Decision, HeaderSync.Data.Decisions.DecisionReason)>>>
        BaselineAsync(SimulatedTenant tenant)
    {
        await using var harness = await StartAsync(tenant);
        var decisions = new List<Dictionary<string, (HeaderSync.Data.Decisions.Decision, HeaderSync.Data.Decisions.DecisionReason)>>();
        foreach (var user in tenant.Users)
        {
            var mailbox = await harness.MailboxIdAsync(user.Id.ToString());
            var result = await harness.SyncAsync(mailbox, HeaderSync.Data.Decisions.SyncMode.HeaderOnly);
            if (result.Outcome != SyncOutcome.Completed)
            {
                throw new InvalidOperationException($"The baseline sync of {user.UserPrincipalName} failed: {result.Error}");
            }

            decisions.Add(await harness.DecisionsAsync(mailbox));
        }

        return decisions;
    }

    /// <summary>Every decision of a mailbox, by Graph id: what a run left behind.</summary>
    public async Task<Dictionary<string, (HeaderSync.Data.Decisions.Decision, HeaderSync.Data.Decisions.DecisionReason)>>
        DecisionsAsync(Guid mailboxId)
    {
        await using var db = CreateContext();
        return await db.EmailDecisions.AsNoTracking()
            .Where(d => d.MailboxId == mailboxId)
            .ToDictionaryAsync(d => d.GraphMessageId, d => (d.Decision, d.Reason));
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Database.Dispose();
    }
}
