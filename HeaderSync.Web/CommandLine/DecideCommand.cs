using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Relevance;
using HeaderSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Web.CommandLine;

/// <summary>
/// <c>decide</c>: decides each file with the header-only rules and prints one JSON line per file,
/// in argument order. With basis flags the database is never opened; without them the stored
/// basis decides and Thread looks at what every mailbox has synced, as a file names no mailbox.
/// </summary>
internal sealed class DecideCommand(
    IDbContextFactory<HeaderSyncDbContext> contextFactory, DatabaseMigrator migrator)
{
    // The lines go to a terminal or a script, never into HTML: quotes and paths stay readable.
    private static readonly JsonWriterOptions LineOptions =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<int> RunAsync(
        DecideArguments arguments,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        BasisIndex? basis;
        IThreadLookup? threads = null;
        if (arguments.HasBasisFlags)
        {
            basis = await FlagBasis.LoadAsync(arguments, error, cancellationToken);
            if (basis is null)
            {
                return ExitCodes.Usage;
            }
        }
        else
        {
            (basis, threads) = await LoadStoredAsync(error, cancellationToken);
            if (basis is null)
            {
                return ExitCodes.Configuration;
            }
        }

        var exitCode = ExitCodes.Success;
        foreach (var file in arguments.Files)
        {
            var (line, decided) = await DecideAsync(file, basis, threads, cancellationToken);
            if (!decided)
            {
                exitCode = ExitCodes.Failed;
            }

            await output.WriteLineAsync(line);
            await output.FlushAsync(cancellationToken);
        }

        return exitCode;
    }

    private static async Task<(string Line, bool Decided)> DecideAsync(
        string file, BasisIndex basis, IThreadLookup? threads, CancellationToken cancellationToken)
    {
        HeaderFields fields;
        try
        {
            fields = await EmailFile.ReadAsync(file, cancellationToken);
        }
        catch (Exception exception) when (EmailFile.IsUnreadable(exception))
        {
            return (JsonLine(json =>
            {
                json.WriteString("file", file);
                json.WriteString("error", exception.Message);
            }), false);
        }

        // A file says nothing of its folder; only sent mail counts Bcc as participants.
        fields = fields with { Folder = RelevanceDecider.FolderOfFile(fields, basis) };
        var outcome = RelevanceDecider.Decide(fields, basis, threads);
        return (JsonLine(json =>
        {
            json.WriteString("file", file);
            json.WriteString("decision", outcome.Decision.ToString());
            json.WriteString("reason", outcome.Reason.ToString());
            json.WritePropertyName("trace");
            json.WriteRawValue(EmailRecords.TraceJson(outcome.Trace));
        }), true);
    }

    private async Task<(BasisIndex? Basis, IThreadLookup? Threads)> LoadStoredAsync(
        TextWriter error, CancellationToken cancellationToken)
    {
        // Opening a SQLite file that is not there would create an empty one.
        if (migrator.SqliteFilePath is { } path && !File.Exists(path))
        {
            await error.WriteLineAsync(
                $"No database at {path}: run migrate and import a basis, or give basis flags.");
            return (null, null);
        }

        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await error.WriteLineAsync(
                    "The database is not migrated to this version: run migrate.");
                return (null, null);
            }

            var (basis, _) = await BasisLoader.LoadAsync(db, cancellationToken);
            var threads = new SyncedThreads();
            var synced = db.EmailDecisions.AsNoTracking()
                .Where(d => d.Decision == Decision.Synced)
                .Select(d => new { d.InternetMessageId, d.ConversationId })
                .AsAsyncEnumerable();
            await foreach (var email in synced.WithCancellation(cancellationToken))
            {
                threads.Add(email.InternetMessageId, email.ConversationId);
            }

            return (basis, threads);
        }
        catch (DbException exception)
        {
            await error.WriteLineAsync($"Cannot read the database: {exception.Message}");
            return (null, null);
        }
    }

    private static string JsonLine(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, LineOptions))
        {
            json.WriteStartObject();
            writeProperties(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
