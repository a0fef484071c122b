using System.Net;
using Microsoft.Kiota.Http.HttpClientLibrary.Extensions;

namespace HeaderSync.Engine.Graph;

/// <summary>
/// Every Graph request of one mailbox's sync passes here: at most four at a time (Graph's
/// concurrency limit per app and mailbox), within the stored request budget, and retried by the
/// engine itself, honouring Retry-After, so throttling shows on the mailbox instead of inside
/// the SDK. Requests marked <see cref="HeaderPassRequest"/> take the next free slot ahead of
/// body fetches: a folder's delta pages come one after another, so a page kept waiting behind
/// bodies delays every page after it, and with them the bodies those pages would queue.
/// </summary>
public sealed class MailboxRequestGate(
    IRequestBudget budget, IMailboxRequestObserver observer, TimeProvider time) : DelegatingHandler
{
    public const int MaxConcurrentRequests = 4;

    /// <summary>How long one attempt may take once it holds a slot: the client's usual timeout.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(100);

    private const int MaxAttempts = 8;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    // Never disposed: disposing a handler disposes the shared connection pool below it.
    private readonly RequestSlots slots = new(MaxConcurrentRequests);

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await budget.ConsumeAsync(cancellationToken);
            HttpResponseMessage response;
            await slots.WaitAsync(request.GetRequestOption<HeaderPassRequest>() is not null, cancellationToken);
            try
            {
                observer.RequestSent();
                response = await SendAttemptAsync(request, cancellationToken);
            }
            finally
            {
                slots.Release();
            }

            if (!IsTransient(response.StatusCode) || attempt == MaxAttempts)
            {
                return response;
            }

            var retryAfter = RetryAfter.Read(response.Headers, time.GetUtcNow());
            var wait = retryAfter ?? Backoff(attempt);
            var throttled = response.StatusCode == HttpStatusCode.TooManyRequests;
            response.Dispose();

            observer.WaitingOutRetryAfter(time.GetUtcNow() + wait, throttled);
            await Task.Delay(wait, time, cancellationToken);
            observer.RetryAfterElapsed();
        }
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Network time, not the tenant's clock: like the client's own timeout.
        using var timeout = new CancellationTokenSource(AttemptTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await base.SendAsync(request, linked.Token);
        }
        catch (OperationCanceledException exception)
            when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TaskCanceledException(
                "The request was canceled: no response within the attempt timeout.",
                new TimeoutException(exception.Message, exception));
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout;

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempt - 1), MaxBackoff.TotalSeconds));
}
