using HeaderSync.Data.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HeaderSync.Engine.Mailboxes;

internal static partial class MailboxLog
{
    [LoggerMessage(LogEventIds.MailboxAdded, LogLevel.Information,
        "Mailbox {Mailbox} added by {Actor} ({Provider})")]
    public static partial void Added(ILogger logger, string mailbox, string actor, string provider);

    [LoggerMessage(LogEventIds.MailboxRemoved, LogLevel.Information,
        "Mailbox {Mailbox} removed by {Actor}; its data is kept")]
    public static partial void Removed(ILogger logger, string mailbox, string actor);

    [LoggerMessage(LogEventIds.MailboxPurged, LogLevel.Information,
        "Mailbox {Mailbox} purged by {Actor}: {Decisions} decisions and {Runs} runs deleted")]
    public static partial void Purged(ILogger logger, string mailbox, string actor, int decisions, int runs);

    [LoggerMessage(LogEventIds.ConnectionChecked, LogLevel.Information,
        "Connection of {Mailbox} checked: {Checks}")]
    public static partial void ConnectionChecked(ILogger logger, string mailbox, string checks);
}
