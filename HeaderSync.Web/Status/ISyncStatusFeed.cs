using HeaderSync.Engine.Status;

namespace HeaderSync.Web.Status;

/// <summary>
/// Live mailbox status for a page: the current statuses whenever the connection (re)starts,
/// then every coalesced change. Disposing the subscription ends it.
/// </summary>
public interface ISyncStatusFeed
{
    Task<IAsyncDisposable> SubscribeAsync(
        Func<IReadOnlyList<MailboxStatusUpdate>, Task> onStatuses,
        Func<LiveState, Task> onState,
        CancellationToken cancellationToken);
}
