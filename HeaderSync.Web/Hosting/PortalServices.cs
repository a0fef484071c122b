using HeaderSync.Data.Database;
using HeaderSync.Engine.Scheduling;
using HeaderSync.Engine.Status;
using HeaderSync.Web.Mailboxes;
using HeaderSync.Web.Nodes;
using HeaderSync.Web.Prospects;
using HeaderSync.Web.Review;
using HeaderSync.Web.Security;
using HeaderSync.Web.Settings;
using HeaderSync.Web.Status;
using Microsoft.Extensions.DependencyInjection.Extensions;
using HeaderSync.Web.Components;
using MudBlazor.Services;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HeaderSync.Web.Hosting;

/// <summary>The portal's table of contents: pages, health and start-up work.</summary>
internal static class PortalServices
{
    public static async Task<WebApplicationBuilder> AddHeaderSyncPortalAsync(
        this WebApplicationBuilder builder, CancellationToken cancellationToken)
    {
        await builder.AddHeaderSyncCoreAsync(cancellationToken);

        var services = builder.Services;
        services.AddHostedService<DatabaseStartup>();
        services.AddHostedService<OrgSettingsStartup>();
        services.AddHostedService<TenantStartup>();
        services.AddHeaderSyncScheduling(builder.Configuration);

        builder.AddHeaderSyncAuthentication();
        builder.AddHeaderSyncNodes(services.AddSignalR());
        services.AddSingleton<CoalescingStatusPublisher>();
        services.AddHostedService(provider => provider.GetRequiredService<CoalescingStatusPublisher>());
        services.Replace(ServiceDescriptor.Singleton<ISyncStatusPublisher>(
            provider => provider.GetRequiredService<CoalescingStatusPublisher>()));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        // Pasted email headers reach the circuit in one message; Exchange's run past 32 KB.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 256 * 1024);
        services.AddMudServices();
        services.AddSingleton<OrgSettingsStore>();
        services.AddSingleton<MailboxAdministration>();
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitCookie>();
        services.AddScoped<CircuitHandler, CircuitCookie.Handler>();
        services.AddScoped<ISyncStatusFeed, HubStatusFeed>();
        services.AddSingleton<ReviewQuery>();
        services.AddSingleton<EmailDetails>();
        services.AddSingleton<ProspectAdministration>();
        services.AddSingleton<InternalDomainAdministration>();
        services.AddSingleton<ExclusionAdministration>();

        return builder;
    }

    public static WebApplication MapHeaderSyncPortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        // Only the status word: a probe needs no more, and an anonymous caller gets no more.
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapSignIn();

        // Everything else falls under the admin-only fallback policy, the hub included.
        app.MapHub<SyncStatusHub>(SyncStatusHub.Path);
        app.MapProspectExport();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        app.Lifetime.ApplicationStarted.Register(() => LogAddresses(app));
        return app;
    }

    private static void LogAddresses(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILogger<App>>();
        foreach (var url in app.Urls)
        {
            StartupLog.PortalListening(logger, url);
        }
    }
}
