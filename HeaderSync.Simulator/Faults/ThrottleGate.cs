using System.Collections.Concurrent;
using System.Globalization;
using HeaderSync.Simulator.Graph;

namespace HeaderSync.Simulator.Faults;

/// <summary>
/// Graph's per app-and-mailbox limits (concurrent requests, requests per window) and the
/// injected 401/429/503/504 faults. Admitted requests hold a lease until they finish.
/// </summary>
internal sealed class ThrottleGate(TimeProvider time, FaultDice dice)
{
    private readonly ConcurrentDictionary<string, MailboxCounters> _counters = new();

    public IReadOnlyDictionary<string, MailboxCounters> Counters => _counters;

    /// <summary>Returns an error to answer with, or null and a lease to release when done.</summary>
    public GraphResponse? TryEnter(
        string mailbox, string userPrincipalName, FaultOptions faults, out IDisposable? lease)
    {
        lease = null;
        var now = time.GetUtcNow();
        if (faults.UnauthorizedMailbox is { Length: > 0 } denied
            && (denied.Equals(mailbox, StringComparison.OrdinalIgnoreCase)
                || denied.Equals(userPrincipalName, StringComparison.OrdinalIgnoreCase)))
        {
            return GraphErrors.Create(401, "InvalidAuthenticationToken",
                "Access token validation failure for this mailbox.", now);
        }

        var counters = _counters.GetOrAdd(mailbox, _ => new MailboxCounters());
        lock (counters.Gate)
        {
            counters.Requests++;
            var nowMs = now.ToUnixTimeMilliseconds();
            var windowMs = faults.BudgetWindowSeconds * 1000L;
            while (counters.Window.Count > 0 && counters.Window.Peek() <= nowMs - windowMs)
            {
                counters.Window.Dequeue();
            }

            if (counters.Active >= faults.MaxConcurrentRequestsPerMailbox)
            {
                counters.Throttled++;
                return Throttled(now, "Application is over its MailboxConcurrency limit.", faults.RetryAfter);
            }

            if (counters.Window.Count >= faults.RequestBudgetPerWindow)
            {
                counters.Throttled++;
                var wait = Math.Max(1, (counters.Window.Peek() + windowMs - nowMs + 999) / 1000);
                return Throttled(now, "Application is over its request limit for this mailbox.",
                    wait.ToString(CultureInfo.InvariantCulture));
            }

            if (dice.Roll(faults.ThrottleRate))
            {
                counters.Throttled++;
                return Throttled(now, "Application is over its MailboxConcurrency limit.", faults.RetryAfter);
            }

            counters.Window.Enqueue(nowMs);
            counters.Active++;
            counters.PeakActive = Math.Max(counters.PeakActive, counters.Active);
        }

        lease = new Lease(counters);
        if (dice.Roll(faults.ServiceUnavailableRate))
        {
            return GraphErrors.Create(503, "ServiceUnavailable", "Service unavailable.", now)
                .WithHeader("Retry-After", faults.RetryAfter);
        }

        return dice.Roll(faults.GatewayTimeoutRate)
            ? GraphErrors.Create(504, "UnknownError", "Gateway timeout.", now)
            : null;
    }

    /// <summary>Counts what an admitted request was and how many bytes it was answered with.</summary>
    public void Served(string mailbox, GraphRoute route, int responseBytes)
    {
        var counters = _counters.GetOrAdd(mailbox, _ => new MailboxCounters());
        lock (counters.Gate)
        {
            counters.ResponseBytes += responseBytes;
            if (route.Kind == GraphRouteKind.FolderDelta && route.Folder is { } folder)
            {
                counters.DeltaRequestsByFolder[folder] = counters.DeltaRequestsByFolder.GetValueOrDefault(folder) + 1;
            }
            else if (route.Kind is GraphRouteKind.Message or GraphRouteKind.MessageValue
                or GraphRouteKind.Attachments or GraphRouteKind.Attachment)
            {
                counters.MessageRequests++;
            }
        }
    }

    public void Reset() => _counters.Clear();

    private static GraphResponse Throttled(DateTimeOffset now, string message, string retryAfter) =>
        GraphErrors.Create(429, "ApplicationThrottled", message, now).WithHeader("Retry-After", retryAfter);

    private sealed class Lease(MailboxCounters counters) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                lock (counters.Gate)
                {
                    counters.Active--;
                }
            }
        }
    }
}
