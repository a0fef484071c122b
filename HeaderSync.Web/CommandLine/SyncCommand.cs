using System.Text.Json;
using System.Text.Json.Serialization;
using HeaderSync.Data.Database;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Sync;
using HeaderSync.Web.Simulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeaderSync.Web.CommandLine;

/// <summary>
/// <c>sync</c>: one sync of the named mailboxes, at most <c>Sync:MaxConcurrentMailboxes</c> at a
/// time, printing one JSON line per mailbox as each finishes.
/// </summary>
internal sealed class SyncCommand(
    DatabaseMigrator migrator,
    IDbContextFactory<HeaderSyncDbContext> contextFactory,
    MailboxSyncer syncer,
    IOptions<SyncOptions> options,
    IServiceProvider services)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public async Task<int> RunAsync(
        SyncArguments arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (migrator.Provider == DatabaseProvider.Sqlite)
        {
            await migrator.MigrateAsync(cancellationToken);
        }

        var simulated = services.GetService<SimulatedTenantEnrolment>();
        if (simulated is not null)
        {
            await simulated.EnrolOnFirstStartAsync(cancellationToken);
        }

        var (mailboxes, unknown) = await ResolveAsync(arguments, cancellationToken);
        if (arguments.All && mailboxes.Count == 0)
        {
            await error.WriteLineAsync("No mailboxes configured: add mailboxes in the portal first.");
            return ExitCodes.Configuration;
        }

        foreach (var name in unknown)
        {
            await error.WriteLineAsync($"No mailbox '{name}'.");
        }

        using var slots = new SemaphoreSlim(options.Value.MaxConcurrentMailboxes);
        using var printing = new SemaphoreSlim(1, 1);
        var results = await Task.WhenAll(mailboxes.Select(async mailbox =>
        {
            await slots.WaitAsync(cancellationToken);
            SyncResult result;
            try
            {
                result = await syncer.SyncAsync(
                    new SyncRequest(mailbox, SyncTrigger.CommandLine, arguments.Full, arguments.Mode, "command line"),
                    cancellationToken);
            }
            finally
            {
                slots.Release();
            }

            await printing.WaitAsync(cancellationToken);
            try
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(result, Json));
                await output.FlushAsync(cancellationToken);
            }
            finally
            {
                printing.Release();
            }

            return result;
        }));

        return unknown.Count > 0 || results.Any(r => r.Outcome == SyncOutcome.Failed) ? ExitCodes.Failed
            : results.Any(r => r.Held) ? ExitCodes.MailboxHeld
            : ExitCodes.Success;
    }

    private async Task<(List<Guid> Mailboxes, List<string> Unknown)> ResolveAsync(
        SyncArguments arguments, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var all = await db.Mailboxes.AsNoTracking()
            .Select(m => new { m.Id, m.OwnerAddress, m.GraphUserId, m.Provider, m.Enabled })
            .ToListAsync(cancellationToken);
        if (arguments.All)
        {
            return ([.. all.Where(m => m.Enabled && m.Provider == EmailProvider.Office365OAuth).Select(m => m.Id)], []);
        }

        var found = new List<Guid>();
        var unknown = new List<string>();
        foreach (var name in arguments.Mailboxes)
        {
            var match = all.FirstOrDefault(m => string.Equals(m.OwnerAddress, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(m.GraphUserId, name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                unknown.Add(name);
            }
            else if (!found.Contains(match.Id))
            {
                found.Add(match.Id);
            }
        }

        return (found, unknown);
    }
}
