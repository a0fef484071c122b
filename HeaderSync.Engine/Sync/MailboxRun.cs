using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Diagnostics;
using HeaderSync.Engine.Graph;
using HeaderSync.Engine.Status;

namespace HeaderSync.Engine.Sync;

/// <summary>
/// The live state of one mailbox's sync: counts, which passes are still at work, throttling,
/// and the state history. Every change is published; the publisher coalesces, and counted
/// on the engine's meter.
/// </summary>
public sealed class MailboxRun(
    Guid mailboxId,
    string mailbox,
    string graphUserId,
    SyncMode mode,
    ISyncStatusPublisher publisher,
    SyncMetrics metrics,
    TimeProvider time) : IMailboxRequestObserver
{
    private readonly Lock gate = new();
    private readonly List<(MailboxState State, DateTimeOffset At, string? Detail)> history = [];
    private int headersScanned, synced, ignored, bodiesDownloaded, bodiesQueued;
    private int requests, throttled, foldersScanning, waitingOutRetryAfter;
    private DateTimeOffset? throttledUntil;
    private MailboxState? lastState;
    private string? warning;

    public Guid MailboxId { get; } = mailboxId;

    public string Mailbox { get; } = mailbox;

    public string GraphUserId { get; } = graphUserId;

    /// <summary>The mode this run started in; a page may switch it when the org setting changes.</summary>
    public SyncMode Mode { get; set; } = mode;

    /// <summary>False once Graph refused the sensitivity property (Mail.ReadBasic).</summary>
    public bool SensitivityReadable { get; set; } = true;

    /// <summary>False once Graph refused a body (Mail.ReadBasic): the rest stay undownloaded.</summary>
    public bool BodiesReadable { get; set; } = true;

    public int HeadersScanned => Volatile.Read(ref headersScanned);

    public int Synced => Volatile.Read(ref synced);

    public int Ignored => Volatile.Read(ref ignored);

    public int BodiesDownloaded => Volatile.Read(ref bodiesDownloaded);

    public int Requests => Volatile.Read(ref requests);

    public int Throttled => Volatile.Read(ref throttled);

    public string? Warning => warning;

    public IReadOnlyList<(MailboxState State, DateTimeOffset At, string? Detail)> History
    {
        get
        {
            lock (gate)
            {
                return [.. history];
            }
        }
    }

    public void FolderStarted() => Change(() => foldersScanning++);

    public void FolderFinished() => Change(() => foldersScanning--);

    /// <summary>A page was read: its header count and the new emails decided from it.</summary>
    public void Decided(int headers, IReadOnlyCollection<EmailDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var newlySynced = decisions.Count(d => d.Decision == Decision.Synced);
        Change(() =>
        {
            headersScanned += headers;
            synced += newlySynced;
            ignored += decisions.Count - newlySynced;
        });
        metrics.HeadersScanned(Mailbox, headers);
        metrics.Decided(Mailbox, decisions);
    }

    /// <summary>Ignored emails re-decided as synced.</summary>
    public void Promoted(IReadOnlyCollection<EmailDecision> promoted)
    {
        ArgumentNullException.ThrowIfNull(promoted);
        Change(() =>
        {
            synced += promoted.Count;
            ignored -= Math.Min(ignored, promoted.Count);
        });
        metrics.Promoted(Mailbox, promoted);
    }

    public void BodiesQueued(int count) => Change(() => bodiesQueued += count);

    public void BodiesDone(int downloaded, int finished)
    {
        Change(() =>
        {
            bodiesDownloaded += downloaded;
            bodiesQueued -= finished;
        });
        metrics.BodiesDownloaded(Mailbox, downloaded);
    }

    public void AddWarning(string text) => Change(() => warning ??= text);

    public void RequestSent()
    {
        Interlocked.Increment(ref requests);
        metrics.RequestSent(Mailbox);
    }

    public void WaitingOutRetryAfter(DateTimeOffset until, bool wasThrottled)
    {
        Change(() =>
        {
            waitingOutRetryAfter++;
            throttledUntil = until;
            if (wasThrottled)
            {
                throttled++;
            }
        });
        if (wasThrottled)
        {
            metrics.Throttled(Mailbox);
        }
    }

    public void RetryAfterElapsed() => Change(() =>
    {
        waitingOutRetryAfter--;
        if (waitingOutRetryAfter == 0)
        {
            throttledUntil = null;
        }
    });

    public MailboxStatusUpdate Snapshot(MailboxState? state = null, string? error = null)
    {
        lock (gate)
        {
            return SnapshotLocked(state ?? StateLocked(), error);
        }
    }

    public void Publish(MailboxState state, string? error = null, string? detail = null)
    {
        MailboxStatusUpdate update;
        lock (gate)
        {
            Record(state, detail ?? error);
            update = SnapshotLocked(state, error);
        }

        publisher.Publish(update);
    }

    private void Change(Action change)
    {
        MailboxStatusUpdate update;
        lock (gate)
        {
            change();
            var state = StateLocked();
            Record(state, null);
            update = SnapshotLocked(state, null);
        }

        publisher.Publish(update);
    }

    // Waiting out a Retry-After overrides the passes' own states.
    private MailboxState StateLocked() =>
        waitingOutRetryAfter > 0 ? MailboxState.Throttled
        : foldersScanning > 0 ? MailboxState.ScanningHeaders
        : bodiesQueued > 0 ? MailboxState.DownloadingBodies
        : MailboxState.Queued;

    private void Record(MailboxState state, string? detail)
    {
        if (state != lastState || detail is not null)
        {
            history.Add((state, time.GetUtcNow(), detail));
            lastState = state;
        }
    }

    private MailboxStatusUpdate SnapshotLocked(MailboxState state, string? error)
    {
        double? progress = foldersScanning == 0 && bodiesQueued + bodiesDownloaded > 0
            ? (double)bodiesDownloaded / (bodiesQueued + bodiesDownloaded)
            : null;
        return new MailboxStatusUpdate(
            MailboxId, Mailbox, state, progress, headersScanned, synced, ignored, bodiesDownloaded,
            throttledUntil, null, null, error, warning, time.GetUtcNow());
    }
}
