using HeaderSync.Data.Database;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace HeaderSync.Engine.Scheduling;

/// <summary>
/// The tables of Quartz's job store on a database server, from the creation script Quartz ships
/// for its own provisioning. Every statement in it creates only what is missing, so applying it
/// to a database that has the tables changes nothing.
/// </summary>
public static class QuartzSchema
{
    public const string TablePrefix = "QRTZ_";

    private const string Separator = "--;;";

    /// <summary>The statements that create the job store's tables, or none for SQLite.</summary>
    public static IReadOnlyList<string> Statements(DatabaseProvider provider)
    {
        var dialect = provider switch
        {
            DatabaseProvider.SqlServer => "sqlServer",
            DatabaseProvider.Postgres => "postgres",
            _ => null,
        };
        if (dialect is null)
        {
            return [];
        }

        var resource = $"Quartz.Impl.AdoJobStore.Schema.create_{dialect}.sql";
        using var stream = typeof(IScheduler).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Quartz no longer ships its schema script {resource}.");
        using var reader = new StreamReader(stream);

        // {0} is the table prefix, {1} the prefix without a schema name (for index names).
        var script = reader.ReadToEnd()
            .Replace("{0}", TablePrefix, StringComparison.Ordinal)
            .Replace("{1}", TablePrefix, StringComparison.Ordinal);
        var statements = new List<string>();
        var current = new List<string>();
        foreach (var line in script.Split('\n'))
        {
            if (line.Trim() != Separator)
            {
                current.Add(line.TrimEnd('\r'));
                continue;
            }

            AddIfCode(statements, current);
            current.Clear();
        }

        AddIfCode(statements, current);
        return statements;
    }

    /// <summary>Creates whatever the job store's tables lack; returns how many statements ran.</summary>
    public static async Task<int> EnsureAsync(
        HeaderSyncDbContext db, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var statements = Statements(provider);
        if (statements.Count == 0)
        {
            return 0;
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var statement in statements)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = statement;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return statements.Count;
    }

    // Pieces holding only comments (the script's header) are not sent.
    private static void AddIfCode(List<string> statements, List<string> lines)
    {
        if (lines.Any(line => line.Trim() is { Length: > 0 } text && !text.StartsWith("--", StringComparison.Ordinal)))
        {
            statements.Add(string.Join('\n', lines).Trim());
        }
    }
}
