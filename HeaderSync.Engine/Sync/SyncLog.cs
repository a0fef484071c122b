using HeaderSync.Data.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HeaderSync.Engine.Sync;

internal static partial class SyncLog
{
    [LoggerMessage(LogEventIds.SyncStarted, LogLevel.Information,
        "Sync of {Mailbox} started: {Mode}, full {Full}, trigger {Trigger}")]
    public static partial void Started(ILogger logger, string mailbox, string mode, bool full, string trigger);

    [LoggerMessage(LogEventIds.SyncCompleted, LogLevel.Information,
        "Sync of {Mailbox} completed in {DurationMs} ms: {HeadersScanned} headers, {Synced} synced, "
        + "{Ignored} ignored, {BodiesDownloaded} bodies, {Requests} requests, {Throttled} throttled")]
    public static partial void Completed(
        ILogger logger, string mailbox, long durationMs, int headersScanned, int synced, int ignored,
        int bodiesDownloaded, int requests, int throttled);

    [LoggerMessage(LogEventIds.SyncFailed, LogLevel.Warning, "Sync of {Mailbox} failed: {Error}")]
    public static partial void Failed(ILogger logger, string mailbox, string error, Exception exception);

    [LoggerMessage(LogEventIds.SyncSkipped, LogLevel.Information, "Sync of {Mailbox} skipped: {Reason}")]
    public static partial void Skipped(ILogger logger, string mailbox, string reason);

    [LoggerMessage(LogEventIds.MailboxNeedsAttention, LogLevel.Warning,
        "Mailbox {Mailbox} needs attention after {Failures} failed runs: {Error}")]
    public static partial void NeedsAttention(ILogger logger, string mailbox, int failures, string error);
}
