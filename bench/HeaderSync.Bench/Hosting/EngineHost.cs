using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Sync;
using HeaderSync.Web.CommandLine;
using HeaderSync.Web.Hosting;
using HeaderSync.Web.Simulation;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Bench.Hosting;

/// <summary>
/// The engine composed as the portal and the command line compose it (settings, data, engine,
/// the simulated tenant's connection), on a SQLite file of its own.
/// </summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private static readonly JsonSerializerOptions ResultJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly WebApplication app;
    private readonly string directory;

    private EngineHost(WebApplication app, string directory)
    {
        this.app = app;
        this.directory = directory;
    }

    public IServiceProvider Services => app.Services;

    public WebApplication App => app;

    /// <param name="tenant">The simulated tenant's root, or null for a host without Graph.</param>
    /// <param name="configure">More services or middleware, before the host is built.</param>
    public static async Task<EngineHost> StartAsync(
        Uri? tenant,
        IReadOnlyDictionary<string, string?> settings,
        CancellationToken cancellationToken,
        Action<WebApplicationBuilder>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "headersync-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(directory, "headersync.db")}",
            ["Simulator:Enabled"] = "false",
            ["Simulator:Url"] = tenant?.AbsoluteUri ?? "",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Logging:LogLevel:HeaderSync"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        await builder.AddHeaderSyncCoreAsync(cancellationToken);
        configure?.Invoke(builder);
        var app = builder.Build();
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        if (app.Services.GetService<SimulatedTenantEnrolment>() is { } enrolment)
        {
            await enrolment.EnrolOnFirstStartAsync(cancellationToken);
        }

        return new EngineHost(app, directory);
    }

    public HeaderSyncDbContext CreateContext() =>
        Services.GetRequiredService<IDbContextFactory<HeaderSyncDbContext>>().CreateDbContext();

    /// <summary>
    /// The <c>sync</c> verb's own command over every enabled mailbox, at most
    /// <c>Sync:MaxConcurrentMailboxes</c> at a time: its results and the wall time.
    /// </summary>
    public async Task<(IReadOnlyList<SyncResult> Results, TimeSpan Wall)> SyncAllAsync(
        SyncMode? mode, CancellationToken cancellationToken)
    {
        var command = ActivatorUtilities.CreateInstance<SyncCommand>(Services);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var watch = Stopwatch.StartNew();
        var exit = await command.RunAsync(new SyncArguments([], All: true, Full: false, mode), output, error, cancellationToken);
        var wall = watch.Elapsed;
        var results = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<SyncResult>(line, ResultJson)!)
            .ToList();
        if (exit != 0 || results.Any(r => r.Outcome != SyncOutcome.Completed))
        {
            var failed = results.FirstOrDefault(r => r.Outcome != SyncOutcome.Completed);
            throw new InvalidOperationException(
                $"The sync exited {exit}: {failed?.Mailbox} {failed?.Outcome} {failed?.Error} {error}");
        }

        return (results, wall);
    }

    /// <summary>Every decision, by Graph user id and Graph message id.</summary>
    public async Task<Dictionary<(string User, string Message), (Decision Decision, DecisionReason Reason)>>
        DecisionsAsync(CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        var users = await db.Mailboxes.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.GraphUserId ?? m.OwnerAddress, cancellationToken);
        var decisions = await db.EmailDecisions.AsNoTracking()
            .Select(d => new { d.MailboxId, d.GraphMessageId, d.Decision, d.Reason })
            .ToListAsync(cancellationToken);
        return decisions.ToDictionary(d => (users[d.MailboxId], d.GraphMessageId), d => (d.Decision, d.Reason));
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary file left behind is harmless.
        }
    }
}
