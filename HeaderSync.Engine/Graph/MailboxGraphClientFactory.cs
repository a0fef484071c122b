using Azure.Core;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using SdkClientFactory = Microsoft.Graph.GraphClientFactory;

namespace HeaderSync.Engine.Graph;

/// <summary>
/// Builds the Graph client of one mailbox's sync: the SDK's pipeline without its retry handler,
/// the mailbox's request gate, and one shared connection pool for every mailbox.
/// </summary>
public sealed class MailboxGraphClientFactory(
    IOptions<GraphOptions> options, TokenCredential credential) : IDisposable
{
    private readonly SocketsHttpHandler transport = new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 256,
    };

    public MailboxGraphClient Create(MailboxRequestGate gate)
    {
        var handlers = SdkClientFactory.CreateDefaultHandlers()
            .Where(handler => handler is not RetryHandler)
            .Append(gate)
            .ToList();
        var http = SdkClientFactory.Create(handlers, finalHandler: transport, disposeHandler: false);

        // The gate times each attempt itself: waiting for the mailbox's budget or a free slot is
        // not a request taking too long, and a spent ten-minute budget outlasts any client timeout.
        http.Timeout = Timeout.InfiniteTimeSpan;
        return Create(http);
    }

    /// <summary>A client for directory reads (users, organisation), outside any mailbox's budget.</summary>
    public MailboxGraphClient CreateDirectoryClient() =>
        Create(SdkClientFactory.Create(
            SdkClientFactory.CreateDefaultHandlers(), finalHandler: transport, disposeHandler: false));

    private MailboxGraphClient Create(HttpClient http)
    {
        var baseUrl = new Uri(options.Value.BaseUrl);
        var authentication = new AzureIdentityAuthenticationProvider(
            credential,
            allowedHosts: [baseUrl.Host],
            scopes: [options.Value.Scope]);
        var client = new GraphServiceClient(http, authentication, options.Value.BaseUrl);
        return new MailboxGraphClient(client, http);
    }

    public void Dispose() => transport.Dispose();
}
