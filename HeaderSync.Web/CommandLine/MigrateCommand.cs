using System.Text.Json;
using HeaderSync.Data.Database;

namespace HeaderSync.Web.CommandLine;

/// <summary>Applies the configured provider's migrations and prints what was applied.</summary>
internal sealed class MigrateCommand(DatabaseMigrator migrator)
{
    public async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var applied = await migrator.MigrateAsync(cancellationToken);

        var result = new
        {
            provider = migrator.Provider.ToString(),
            database = migrator.SqliteFilePath,
            applied,
        };
        await output.WriteLineAsync(JsonSerializer.Serialize(result));
        return ExitCodes.Success;
    }
}
