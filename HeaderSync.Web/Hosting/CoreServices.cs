using HeaderSync.Data.Database;
using HeaderSync.Engine;
using HeaderSync.Web.Status;
using Microsoft.Extensions.Options;

namespace HeaderSync.Web.Hosting;

/// <summary>What the portal and the command line share: settings, data and the engine.</summary>
internal static class CoreServices
{
    public static WebApplicationBuilder AddHeaderSyncCore(this WebApplicationBuilder builder)
    {
        builder.UseRepositoryDevelopmentSettings();

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddHeaderSyncData();
        services.AddHeaderSyncEngine();

        services.AddOptions<StatusOptions>().BindConfiguration(StatusOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StatusOptions>, StatusOptionsValidator>();
        services.AddOptions<SimulatorHostingOptions>()
            .BindConfiguration(SimulatorHostingOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SimulatorHostingOptions>, SimulatorHostingOptionsValidator>();

        return builder;
    }
}
