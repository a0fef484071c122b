using HeaderSync.Data.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HeaderSync.Engine.Scheduling;

internal static partial class SchedulingLog
{
    [LoggerMessage(LogEventIds.MailboxScheduled, LogLevel.Debug,
        "Mailbox {Mailbox} scheduled every {IntervalMinutes} minutes")]
    public static partial void Scheduled(ILogger logger, string mailbox, double intervalMinutes);

    [LoggerMessage(LogEventIds.ResyncRequested, LogLevel.Information,
        "Resync of {Mailbox} requested by {RequestedBy} (full {Full})")]
    public static partial void ResyncRequested(ILogger logger, string mailbox, bool full, string requestedBy);

    [LoggerMessage(LogEventIds.SyncRecovered, LogLevel.Warning,
        "The sync of mailbox {MailboxId} was interrupted on a node that stopped; running it again here")]
    public static partial void Recovering(ILogger logger, Guid mailboxId);
}
