using HeaderSync.Engine.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeaderSync.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>Registers the sync engine and binds and validates its configuration.</summary>
    public static IServiceCollection AddHeaderSyncEngine(this IServiceCollection services)
    {
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>();

        return services;
    }
}
