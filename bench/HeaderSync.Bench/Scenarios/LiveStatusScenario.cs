using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeaderSync.Bench.Hosting;
using HeaderSync.Bench.Reporting;
using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Status;
using HeaderSync.Web.Security;
using HeaderSync.Web.Status;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HeaderSync.Bench.Scenarios;

/// <summary>
/// 4. From an engine status event to a SignalR client holding it, through the portal's hub and
/// coalescing publisher (default <c>Status:CoalesceMs</c>), while hundreds of mailboxes sync.
/// </summary>
internal sealed class LiveStatusScenario(bool quick) : Scenario
{
    public const double TargetP95Ms = 300;

    public override string Key => "status";

    public override string Title => "4. Live status latency";

    public override async Task RunAsync(BenchReport report, CancellationToken cancellationToken)
    {
        var spec = quick ? new TenantSpec(20, 20, LatencyMs: 10) : new TenantSpec(500, 40, LatencyMs: 50);
        await using var tenant = await TenantProcess.StartAsync(spec, cancellationToken);
        var recorder = new StatusRecorder();
        await using var engine = await EngineHost.StartAsync(
            tenant.RootUrl, SyncSettings.AllAtOnce(spec.Mailboxes), cancellationToken, builder =>
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.AddHeaderSyncAuthentication();
                var services = builder.Services;
                services.AddSignalR();
                services.AddSingleton<CoalescingStatusPublisher>();
                services.AddHostedService(provider => provider.GetRequiredService<CoalescingStatusPublisher>());
                services.Replace(ServiceDescriptor.Singleton<ISyncStatusPublisher>(provider =>
                    new StatusRecorder.Publisher(provider.GetRequiredService<CoalescingStatusPublisher>(), recorder)));
            });
        var app = engine.App;
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHub<SyncStatusHub>(SyncStatusHub.Path);
        await app.StartAsync(cancellationToken);

        var token = await AutomationTokenAsync(tenant, cancellationToken);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(app.Urls.First()), SyncStatusHub.Path),
                o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        hub.On<IReadOnlyList<MailboxStatusUpdate>>(nameof(ISyncStatusClient.StatusChanged),
            batch => recorder.OnReceived(batch, TimeProvider.System.GetUtcNow()));
        await hub.StartAsync(cancellationToken);

        var (results, wall) = await engine.SyncAllAsync(SyncMode.HeaderOnly, cancellationToken);

        // The last statuses leave at the next coalescing tick.
        for (var i = 0; i < 50 && recorder.Undelivered > 0; i++)
        {
            await Task.Delay(100, cancellationToken);
        }

        await hub.StopAsync(cancellationToken);
        var latencies = recorder.LatenciesMs;
        var p50 = Percentiles.Of(latencies, 50);
        var p95 = Percentiles.Of(latencies, 95);
        report.Number("statusLatencyP95Ms", p95);
        report.Details(Key, new JsonObject
        {
            ["mailboxes"] = spec.Mailboxes,
            ["messagesPerMailbox"] = spec.MessagesPerMailbox,
            ["latencyMs"] = spec.LatencyMs,
            ["coalesceMs"] = new StatusOptions().CoalesceMs,
            ["syncWallMs"] = Math.Round(wall.TotalMilliseconds),
            ["eventsPublished"] = recorder.Published,
            ["eventsDelivered"] = latencies.Count,
            ["eventsUndelivered"] = recorder.Undelivered,
            ["hubMessages"] = recorder.Batches,
            ["statusesReceived"] = recorder.Delivered,
            ["p50Ms"] = Math.Round(p50, 1),
            ["p95Ms"] = Math.Round(p95, 1),
            ["maxMs"] = Math.Round(latencies.DefaultIfEmpty(0).Max(), 1),
        });
        report.Section(Title,
            FormattableString.Invariant($"{spec.Mailboxes} mailboxes ({spec.MessagesPerMailbox} messages each, {spec.LatencyMs} ms per request) syncing at once in {wall.TotalMilliseconds:N0} ms, through the portal's `SyncStatusHub` and `CoalescingStatusPublisher` (`Status:CoalesceMs` {new StatusOptions().CoalesceMs}) to a SignalR client signed in with an app-role bearer token."),
            "",
            FormattableString.Invariant($"Each of the {recorder.Published:N0} events the engine published counts from its own timestamp until the first hub message carrying it or a later status of its mailbox ({recorder.Batches:N0} hub messages, {recorder.Undelivered} events never delivered): p50 **{p50:F0} ms**, p95 **{p95:F0} ms** (target p95 <= {TargetP95Ms:F0} ms: {Verdict(p95 <= TargetP95Ms)})."),
            "",
            FormattableString.Invariant($"Mailboxes completed: {results.Count}."));
    }

    private static async Task<string> AutomationTokenAsync(TenantProcess tenant, CancellationToken cancellationToken)
    {
        var info = await tenant.TenantAsync(cancellationToken);
        string Text(string name) => info.GetProperty(name).GetString()!;
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = Text("automationClientId"),
            ["client_secret"] = Text("automationClientSecret"),
            ["scope"] = $"api://{Text("portalClientId")}/.default",
        });
        using var response = await http.PostAsync(
            new Uri(tenant.RootUrl, $"{Text("tenantId")}/oauth2/v2.0/token"), form, cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return token.GetProperty("access_token").GetString()!;
    }
}
