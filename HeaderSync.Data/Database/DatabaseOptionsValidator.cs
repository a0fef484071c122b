using Microsoft.Extensions.Options;

namespace HeaderSync.Data.Database;

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var failures = new List<string>();

        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out _)
            || int.TryParse(options.Provider, out _))
        {
            failures.Add($"Database:Provider '{options.Provider}' is not supported; "
                + "use Sqlite, SqlServer or Postgres.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Database:ConnectionString is required outside Development.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
