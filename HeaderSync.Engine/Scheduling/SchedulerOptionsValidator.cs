using HeaderSync.Data.Database;
using Microsoft.Extensions.Options;

namespace HeaderSync.Engine.Scheduling;

internal sealed class SchedulerOptionsValidator(IOptions<DatabaseOptions> database)
    : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        var provider = database.Value.Provider;
        var onServer = Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var parsed)
            && parsed != DatabaseProvider.Sqlite;

        // Quartz refuses to cluster on SQLite: one file cannot be shared by the nodes of a cluster.
        return options.Clustered && !onServer
            ? ValidateOptionsResult.Fail(
                $"Scheduler:Clustered is true, but Database:Provider is {provider}: Quartz clusters "
                + "only on a database server (SqlServer or Postgres).")
            : ValidateOptionsResult.Success;
    }
}
