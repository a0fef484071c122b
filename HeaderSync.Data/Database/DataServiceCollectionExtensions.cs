using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeaderSync.Data.Database;

public static class DataServiceCollectionExtensions
{
    /// <summary>Binds and validates <c>Database:*</c> and registers the context factory.</summary>
    public static IServiceCollection AddHeaderSyncData(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        services.AddDbContextFactory<HeaderSyncDbContext>((provider, builder) =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            HeaderSyncDatabase.Configure(builder, options.ParsedProvider, options.ConnectionString!);
        });
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<WriterTurns>();

        return services;
    }
}
