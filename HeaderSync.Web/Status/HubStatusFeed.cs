using HeaderSync.Engine.Status;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;

namespace HeaderSync.Web.Status;

/// <summary>
/// A page's live status from the portal's own hub, as a real SignalR client signed in with the
/// admin's session cookie. Going through the hub (not the in-process publisher) is what lets a
/// page see syncs that run on another node behind the backplane.
/// </summary>
internal sealed class HubStatusFeed(
    CircuitCookie cookie, IHttpContextAccessor accessor, IServer server, ILogger<HubStatusFeed> logger)
    : ISyncStatusFeed
{
    public Task<IAsyncDisposable> SubscribeAsync(
        Func<IReadOnlyList<MailboxStatusUpdate>, Task> onStatuses,
        Func<LiveState, Task> onState,
        CancellationToken cancellationToken)
    {
        // Normally taken as the circuit opened; a page created in the opening request takes it here.
        cookie.Capture(accessor.HttpContext);
        var connection = new HubConnectionBuilder()
            .WithUrl(HubAddress(), options =>
            {
                if (cookie.Header is { } header)
                {
                    options.Headers["Cookie"] = header;
                }
            })
            .WithAutomaticReconnect(new RetryForever())
            .Build();
        var subscription = new Subscription(connection);

        // Nothing reaches the page once it has let go, not even the closing of the connection.
        Task Statuses(IReadOnlyList<MailboxStatusUpdate> statuses) =>
            subscription.Ended ? Task.CompletedTask : onStatuses(statuses);
        Task State(LiveState state) => subscription.Ended ? Task.CompletedTask : onState(state);

        connection.On<IReadOnlyList<MailboxStatusUpdate>>(nameof(ISyncStatusClient.StatusChanged), Statuses);
        connection.Reconnecting += _ => State(LiveState.Reconnecting);
        connection.Reconnected += async _ =>
        {
            // Changes sent while the connection was down are lost: start again from the current ones.
            await Statuses(await CurrentAsync(connection, CancellationToken.None));
            await State(LiveState.Live);
        };
        connection.Closed += _ => State(LiveState.Offline);

        subscription.Start(ct => ConnectAsync(connection, Statuses, State, ct), cancellationToken);
        return Task.FromResult<IAsyncDisposable>(subscription);
    }

    // The first connection is retried too: the hub may be briefly unreachable while the node starts.
    private async Task ConnectAsync(
        HubConnection connection, Func<IReadOnlyList<MailboxStatusUpdate>, Task> onStatuses,
        Func<LiveState, Task> onState, CancellationToken cancellationToken)
    {
        for (var attempt = 0; !cancellationToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await connection.StartAsync(cancellationToken);
                await onStatuses(await CurrentAsync(connection, cancellationToken));
                await onState(LiveState.Live);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                StatusLog.FeedUnavailable(logger, exception);
                await onState(LiveState.Offline);
                await Task.Delay(RetryForever.Delay(attempt), cancellationToken);
            }
        }
    }

    private static Task<IReadOnlyList<MailboxStatusUpdate>> CurrentAsync(
        HubConnection connection, CancellationToken cancellationToken) =>
        connection.InvokeAsync<IReadOnlyList<MailboxStatusUpdate>>(nameof(SyncStatusHub.Current), cancellationToken);

    // The circuit calls its own node, on a loopback address the node listens on.
    private Uri HubAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http:", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The portal listens on no address.");
        var uri = new UriBuilder(chosen.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        uri.Path = SyncStatusHub.Path;
        return uri.Uri;
    }

    private sealed class RetryForever : IRetryPolicy
    {
        public static TimeSpan Delay(long attempt) => TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt)));

        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            retryContext.PreviousRetryCount == 0 ? TimeSpan.Zero : Delay(retryContext.PreviousRetryCount);
    }

    private sealed class Subscription(HubConnection connection) : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private Task connecting = Task.CompletedTask;
        private volatile bool ended;

        public bool Ended => ended;

        public void Start(Func<CancellationToken, Task> connect, CancellationToken cancellationToken)
        {
            var linked = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, cancellationToken);
            connecting = Task.Run(async () =>
            {
                using (linked)
                {
                    await connect(linked.Token);
                }
            }, CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            ended = true;
            await stop.CancelAsync();
            try
            {
                await connecting;
            }
            catch (OperationCanceledException)
            {
                // Stopped while connecting: nothing to undo.
            }

            await connection.DisposeAsync();
            stop.Dispose();
        }
    }
}
