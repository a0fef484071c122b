using Azure.Identity;
using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Diagnostics;
using HeaderSync.Engine.Status;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Graph.Models.ODataErrors;

namespace HeaderSync.Engine.Sync;

/// <summary>
/// Records runs and what they leave on the mailbox: counts, the last error, and whether the
/// mailbox needs an admin's attention.
/// </summary>
public sealed class SyncOutcomes(
    IDbContextFactory<HeaderSyncDbContext> contextFactory,
    ISyncStatusPublisher publisher,
    SyncMetrics metrics,
    TimeProvider time,
    ILogger<SyncOutcomes> logger)
{
    public const int FailuresBeforeAttention = 3;

    public const string InterruptedError = "Interrupted: the process or node running it stopped.";

    public async Task<SyncRun> StartAsync(
        SyncRequest request, Mailbox mailbox, SyncMode mode, string node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(mailbox);
        var record = new SyncRun
        {
            Id = Guid.NewGuid(),
            MailboxId = mailbox.Id,
            Trigger = request.Trigger,
            RequestedBy = request.RequestedBy,
            Full = request.Full,
            Mode = mode,
            Node = node,
            StartedAt = time.GetUtcNow(),
        };
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        // The caller holds the mailbox's lease, so an unfinished run of it is one whose process
        // or node died; when it ended is unknown, that it failed is not.
        await db.SyncRuns
            .Where(r => r.MailboxId == mailbox.Id && r.EndedAt == null && r.Outcome == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Outcome, SyncOutcome.Failed)
                .SetProperty(r => r.Error, InterruptedError), cancellationToken);
        db.SyncRuns.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    public async Task<SyncResult> FinishAsync(
        SyncRun record, MailboxRun run, bool full, long durationMs, Exception? failure,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(run);
        var now = time.GetUtcNow();
        var error = failure is null ? null : Describe(failure);
        metrics.RunFinished(
            run.Mailbox, record.Mode, failure, TimeSpan.FromMilliseconds(durationMs));

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var mailbox = await db.Mailboxes.SingleAsync(m => m.Id == run.MailboxId, cancellationToken);
        var status = mailbox.Status;
        var cancelled = failure is SyncCancelledException;
        status.ConsecutiveFailures = failure is null ? 0
            : cancelled ? status.ConsecutiveFailures
            : status.ConsecutiveFailures + 1;
        var attention = failure is not null && !cancelled
            && (status.ConsecutiveFailures >= FailuresBeforeAttention || NeedsAttentionAtOnce(failure));
        var state = attention ? MailboxState.NeedsAttention : MailboxState.Idle;
        if (attention)
        {
            SyncLog.NeedsAttention(logger, run.Mailbox, status.ConsecutiveFailures, error!);
        }

        run.Publish(state, error, failure is null ? "completed" : "failed");
        var snapshot = run.Snapshot(state, error);

        // The last event of a run carries its end, so a live page shows the new last run.
        publisher.Publish(snapshot with { LastRunAt = now, NextRunAt = status.NextRunAt });
        status.State = state;
        status.Progress = null;
        status.HeadersScanned = snapshot.HeadersScanned;
        status.Synced = snapshot.Synced;
        status.Ignored = snapshot.Ignored;
        status.BodiesDownloaded = snapshot.BodiesDownloaded;
        status.ThrottledUntil = null;
        status.LastRunAt = now;
        status.LastError = error;
        status.Warning = run.Warning;
        status.UpdatedAt = now;

        db.SyncRuns.Attach(record);
        record.EndedAt = now;
        record.Outcome = failure is null ? SyncOutcome.Completed : SyncOutcome.Failed;
        record.Error = error;
        record.HeadersScanned = run.HeadersScanned;
        record.Synced = run.Synced;
        record.Ignored = run.Ignored;
        record.BodiesDownloaded = run.BodiesDownloaded;
        record.Requests = run.Requests;
        record.Throttled = run.Throttled;
        foreach (var (entry, at, detail) in run.History)
        {
            db.SyncRunStates.Add(new SyncRunState { SyncRunId = record.Id, State = entry, At = at, Detail = detail });
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SyncResult(
            run.Mailbox, run.GraphUserId, record.Mode, full, run.HeadersScanned, run.Synced, run.Ignored,
            run.BodiesDownloaded, run.Requests, run.Throttled, durationMs, record.Outcome.Value, error);
    }

    public SyncResult Skipped(Mailbox mailbox, SyncMode mode, bool full, string reason, bool held)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        if (!mailbox.Enabled)
        {
            publisher.Publish(new MailboxStatusUpdate(
                mailbox.Id, mailbox.OwnerAddress, MailboxState.Disabled, null, 0, 0, 0, 0, null,
                mailbox.Status.LastRunAt, null, null, null, time.GetUtcNow()));
        }

        return new SyncResult(mailbox.OwnerAddress, mailbox.GraphUserId, mode, full, 0, 0, 0, 0, 0, 0, 0,
            SyncOutcome.Skipped, reason) { Held = held };
    }

    // The mailbox or the app's access to it is wrong: retrying on schedule will not mend it.
    private static bool NeedsAttentionAtOnce(Exception failure) => failure switch
    {
        ODataError { ResponseStatusCode: 401 or 403 or 404 } => true,
        AuthenticationFailedException or CredentialUnavailableException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(NeedsAttentionAtOnce),
        _ => failure.InnerException is { } inner && NeedsAttentionAtOnce(inner),
    };

    private static string Describe(Exception failure) => failure switch
    {
        AuthenticationFailedException or CredentialUnavailableException =>
            "The app could not get a token for Microsoft Graph; check Graph:ClientSecret or "
            + $"Graph:CertificatePath and the app registration. {FirstLine((failure.InnerException ?? failure).Message)}",
        AggregateException { InnerExceptions: [var only] } => Describe(only),
        ODataError odata => $"Graph answered {odata.ResponseStatusCode} {odata.Error?.Code}: "
            + (odata.Error?.Message ?? odata.Message),
        HttpRequestException http => $"Graph could not be reached: {http.Message}",
        _ => failure.InnerException is AuthenticationFailedException or CredentialUnavailableException
            ? Describe(failure.InnerException)
            : failure.Message,
    };

    // Azure.Identity's own message only names the credential; the identity library's inner one
    // says what Entra answered, then goes on with trace ids, timestamps and links.
    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
