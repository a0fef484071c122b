using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using HeaderSync.Simulator.Evidence;
using HeaderSync.Simulator.Faults;
using HeaderSync.Simulator.Hosting;
using HeaderSync.Simulator.Tenant;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HeaderSync.Simulator;

/// <summary>
/// A running simulated Microsoft 365 tenant: Graph at <c>{RootUrl}v1.0</c>, Entra-style
/// sign-in at <c>{RootUrl}{TenantId}/v2.0</c> and evidence at <c>{RootUrl}_simulator</c>.
/// </summary>
public sealed class SimulatedTenant : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TenantState _state;

    private SimulatedTenant(WebApplication app, TenantState state, Uri rootUrl)
    {
        _app = app;
        _state = state;
        RootUrl = rootUrl;
    }

    /// <summary>The root, ending in a slash, without <c>/v1.0</c>.</summary>
    public Uri RootUrl { get; }

    /// <summary>The Graph service root the SDK takes: exactly <c>.../v1.0</c>.</summary>
    public string GraphBaseUrl => RootUrl.AbsoluteUri.TrimEnd('/') + "/v1.0";

    /// <summary>The sign-in authority: <c>{root}/{tenantId}/v2.0</c>.</summary>
    public string Authority => $"{RootUrl.AbsoluteUri.TrimEnd('/')}/{TenantId}/v2.0";

    public Guid TenantId => _state.Directory.TenantId;

    public string ClientId => _state.Directory.SyncApp.ClientId;

    public string ClientSecret => _state.Directory.SyncApp.ClientSecret;

    public TenantDirectory Directory => _state.Directory;

    public IReadOnlyList<SimulatedUser> Users => _state.Directory.Users;

    public SimulatorOptions Options => _state.Options;

    /// <summary>The faults in force; setting replaces them, as <c>PUT /_simulator/faults</c> does.</summary>
    public FaultOptions Faults
    {
        get => _app.Services.GetRequiredService<FaultState>().Current.Clone();
        set => _app.Services.GetRequiredService<FaultState>().Replace(value);
    }

    /// <summary>The CRM's prospects in the product's CSV import format.</summary>
    public string ProspectsCsv => CrmExports.ProspectsCsv(_state.Directory.Crm);

    /// <summary>The CRM's exclusions in the product's exclusions-file format.</summary>
    public string Exclusions => CrmExports.Exclusions(_state.Directory.Crm);

    public IReadOnlyList<RequestLogEntry> Requests(long after = 0, string? mailboxId = null) =>
        _app.Services.GetRequiredService<RequestLog>().Read(after, mailboxId);

    public IReadOnlyList<MessageEvidence> Messages(string mailboxIdOrUpn)
    {
        var mailbox = _state.FindMailbox(mailboxIdOrUpn)
            ?? throw new ArgumentException($"No mailbox '{mailboxIdOrUpn}'.", nameof(mailboxIdOrUpn));
        return EvidenceReader.Messages(_state, mailbox, 0, null);
    }

    public static Task<SimulatedTenant> StartAsync(
        SimulatorOptions options, string urls = "http://127.0.0.1:0", TimeProvider? time = null,
        CancellationToken ct = default) =>
        StartAsync(options, urls, time, LogLevel.Warning, ct);

    /// <summary>
    /// A tenant served over https with the given certificate, as Entra ID's authority is: the
    /// only kind of authority Azure.Identity's production credentials accept.
    /// </summary>
    public static Task<SimulatedTenant> StartOverHttpsAsync(
        SimulatorOptions options, X509Certificate2 certificate, CancellationToken ct = default) =>
        StartAsync(options, "https://127.0.0.1:0", time: null, LogLevel.Warning, ct, certificate);

    internal static async Task<SimulatedTenant> StartAsync(
        SimulatorOptions options, string urls, TimeProvider? time, LogLevel minimumLevel, CancellationToken ct,
        X509Certificate2? certificate = null)
    {
        options.Validate();
        time ??= TimeProvider.System;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatedTenant).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The host reads nothing from the surrounding app's files or environment: what it
        // simulates is fixed by the options passed in.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls(urls);
        if (certificate is not null)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate));
        }

        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(minimumLevel);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        var stopwatch = Stopwatch.StartNew();
        var state = new TenantState(options, time);
        builder.Services.AddSimulator(options, time, state);

        var app = builder.Build();
        app.MapSimulator();

        // Create the signing key now rather than on the first token request.
        app.Services.GetRequiredService<Identity.SigningKey>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<SimulatedTenant>();
        logger.Generated(state.Directory.TenantId, options.Seed, options.Mailboxes, options.MessagesPerMailbox,
            stopwatch.ElapsedMilliseconds);

        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        var root = new Uri(address.EndsWith('/') ? address : address + "/");
        logger.Started(root.AbsoluteUri);
        return new SimulatedTenant(app, state, root);
    }

    public Task WaitForShutdownAsync(CancellationToken ct = default) => _app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
