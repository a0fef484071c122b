using HeaderSync.Data.Database;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace HeaderSync.Web.Hosting;

/// <summary>
/// In Development the settings come from <c>appsettings.Development.json</c> at the repository
/// root, beside the README, rather than from the project folder.
/// </summary>
internal static class DevelopmentSettings
{
    private const string FileName = "appsettings.Development.json";

    public static void UseRepositoryDevelopmentSettings(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            return;
        }

        var directory = RepositoryLayout.FindRoot(builder.Environment.ContentRootPath)
            ?? AppContext.BaseDirectory;
        if (!File.Exists(Path.Combine(directory, FileName)))
        {
            directory = AppContext.BaseDirectory;
        }

        var sources = builder.Configuration.Sources;
        var source = new JsonConfigurationSource
        {
            Path = FileName,
            FileProvider = new PhysicalFileProvider(directory),
            Optional = true,
        };
        var existing = sources.OfType<JsonConfigurationSource>().FirstOrDefault(s => s.Path == FileName);

        // Replacing in place keeps the order: environment variables and arguments still win.
        if (existing is null)
        {
            sources.Add(source);
        }
        else
        {
            sources[sources.IndexOf(existing)] = source;
        }

        var provider = builder.Configuration[$"{DatabaseOptions.Section}:Provider"];
        var key = $"{DatabaseOptions.Section}:{nameof(DatabaseOptions.ConnectionString)}";
        var sqlite = string.IsNullOrEmpty(provider)
            || provider.Equals(nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase);
        if (sqlite && string.IsNullOrWhiteSpace(builder.Configuration[key]))
        {
            var file = RepositoryLayout.DefaultSqlitePath(builder.Environment.ContentRootPath);
            builder.Configuration[key] = $"Data Source={file}";
        }
    }
}
