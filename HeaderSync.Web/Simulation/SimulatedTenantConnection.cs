using System.Net.Http.Json;
using Azure.Core;
using HeaderSync.Engine.Graph;
using HeaderSync.Simulator;
using HeaderSync.Web.Hosting;
using Microsoft.Extensions.Options;

namespace HeaderSync.Web.Simulation;

/// <summary>
/// In Development, points the engine at the simulated Microsoft 365 tenant: one started in this
/// process on its own loopback port, or an already running one named by <c>Simulator:Url</c>.
/// Everything downstream sees ordinary <c>Graph:*</c> and <c>AzureAd:*</c> settings and a token
/// credential.
/// </summary>
internal static class SimulatedTenantConnection
{
    public static async Task ConnectSimulatedTenantAsync(
        this WebApplicationBuilder builder, CancellationToken cancellationToken)
    {
        var section = builder.Configuration.GetSection(SimulatorHostingOptions.Section);
        var hosting = section.Get<SimulatorHostingOptions>() ?? new SimulatorHostingOptions();

        // Outside Development any Simulator:* setting fails the start (see its validator).
        if (!builder.Environment.IsDevelopment() || !hosting.InUse)
        {
            return;
        }

        using var http = new HttpClient();
        SimulatedTenantInfo info;
        if (!string.IsNullOrWhiteSpace(hosting.Url))
        {
            info = await ReadTenantAsync(http, new Uri(hosting.Url.TrimEnd('/') + "/"), cancellationToken);
        }
        else
        {
            var tenant = await StartEmbeddedAsync(section, cancellationToken);
            builder.Services.AddSingleton(tenant);
            builder.Services.AddHostedService<EmbeddedTenantLifetime>();
            info = await ReadTenantAsync(http, tenant.RootUrl, cancellationToken);
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = info.GraphBaseUrl,
            ["Graph:TenantId"] = info.TenantId,
            ["Graph:ClientId"] = info.ClientId,

            // Users sign in at the simulated tenant's authority, to the portal's registration.
            ["AzureAd:Instance"] = info.Root.AbsoluteUri,
            ["AzureAd:TenantId"] = info.TenantId,
            ["AzureAd:ClientId"] = info.PortalClientId,
            ["AzureAd:ClientSecret"] = info.PortalClientSecret,
            ["AzureAd:CallbackPath"] = "/signin-oidc",
        });
        builder.Services.AddSingleton(info);
        builder.Services.AddHttpClient<SimulatorCrm>();
        builder.Services.AddSingleton<TokenCredential>(services => new CachingTokenCredential(
            new SimulatorTokenCredential(
                services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SimulatorTokenCredential)),
                info.TokenEndpoint, info.ClientId, info.ClientSecret,
                services.GetRequiredService<TimeProvider>()),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<CachingTokenCredential>>()));
    }

    private static async Task<SimulatedTenant> StartEmbeddedAsync(
        IConfigurationSection section, CancellationToken cancellationToken)
    {
        var options = section.Get<SimulatorOptions>() ?? new SimulatorOptions();
        try
        {
            options.Validate();
        }
        catch (InvalidOperationException invalid)
        {
            throw new OptionsValidationException(
                SimulatorHostingOptions.Section, typeof(SimulatorOptions), [invalid.Message]);
        }

        return await SimulatedTenant.StartAsync(options, ct: cancellationToken);
    }

    private static async Task<SimulatedTenantInfo> ReadTenantAsync(
        HttpClient http, Uri root, CancellationToken cancellationToken)
    {
        try
        {
            var info = await http.GetFromJsonAsync<SimulatedTenantInfo>(
                new Uri(root, "_simulator/tenant"), cancellationToken);
            return info! with { Root = root };
        }
        catch (HttpRequestException unreachable)
        {
            throw new OptionsValidationException(
                SimulatorHostingOptions.Section, typeof(SimulatorHostingOptions),
                [$"Simulator:Url '{root}' does not answer as a simulated tenant: {unreachable.Message}"]);
        }
    }
}
