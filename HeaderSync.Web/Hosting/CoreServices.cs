using Azure.Core;
using HeaderSync.Data.Database;
using HeaderSync.Engine;
using HeaderSync.Engine.Graph;
using HeaderSync.Web.Simulation;
using HeaderSync.Web.Status;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HeaderSync.Web.Hosting;

/// <summary>What the portal and the command line share: settings, data, the engine and its tenant.</summary>
internal static class CoreServices
{
    public static async Task<WebApplicationBuilder> AddHeaderSyncCoreAsync(
        this WebApplicationBuilder builder, CancellationToken cancellationToken)
    {
        builder.UseRepositoryDevelopmentSettings();

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<SimulatorHostingOptions>()
            .BindConfiguration(SimulatorHostingOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SimulatorHostingOptions>, SimulatorHostingOptionsValidator>();
        await builder.ConnectSimulatedTenantAsync(cancellationToken);
        if (services.Any(s => s.ServiceType == typeof(SimulatedTenantInfo)))
        {
            services.AddSingleton<SimulatedTenantEnrolment>();
        }

        services.AddHeaderSyncData();
        services.AddHeaderSyncEngine();
        services.TryAddSingleton<TokenCredential>(provider => new CachingTokenCredential(
            GraphCredentials.Create(provider.GetRequiredService<IOptions<GraphOptions>>().Value),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<CachingTokenCredential>>()));

        builder.AddHeaderSyncTelemetry();

        services.AddOptions<StatusOptions>().BindConfiguration(StatusOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StatusOptions>, StatusOptionsValidator>();

        return builder;
    }
}
