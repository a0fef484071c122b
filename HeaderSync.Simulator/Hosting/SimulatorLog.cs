using Microsoft.Extensions.Logging;

namespace HeaderSync.Simulator.Hosting;

/// <summary>The simulator's log messages.</summary>
internal static partial class SimulatorLog
{
    [LoggerMessage(SimulatorLogEvents.Started, LogLevel.Information, "Simulated tenant listening on {RootUrl}")]
    public static partial void Started(this ILogger logger, string rootUrl);

    [LoggerMessage(SimulatorLogEvents.Generated, LogLevel.Information,
        "Generated tenant {TenantId}: seed {Seed}, {Mailboxes} mailboxes x {MessagesPerMailbox} messages in {ElapsedMs} ms")]
    public static partial void Generated(
        this ILogger logger, Guid tenantId, int seed, int mailboxes, int messagesPerMailbox, long elapsedMs);

    [LoggerMessage(SimulatorLogEvents.GraphRejectedToken, LogLevel.Debug, "Graph request {Path} refused: {Reason}")]
    public static partial void GraphRejectedToken(this ILogger logger, string path, string reason);

    [LoggerMessage(SimulatorLogEvents.GraphFailed, LogLevel.Error, "Graph request {Path} failed")]
    public static partial void GraphFailed(this ILogger logger, Exception exception, string path);

    [LoggerMessage(SimulatorLogEvents.FaultsChanged, LogLevel.Information, "Faults replaced: {Faults}")]
    public static partial void FaultsChanged(this ILogger logger, string faults);

    [LoggerMessage(SimulatorLogEvents.MessagePosted, LogLevel.Information,
        "Message {MessageId} added to {Mailbox} in {Folder}")]
    public static partial void MessagePosted(this ILogger logger, string messageId, string mailbox, string folder);

    [LoggerMessage(SimulatorLogEvents.MessageDeleted, LogLevel.Information, "Message {MessageId} deleted from {Mailbox}")]
    public static partial void MessageDeleted(this ILogger logger, string messageId, string mailbox);

    [LoggerMessage(SimulatorLogEvents.MessageMoved, LogLevel.Information,
        "Message {MessageId} in {Mailbox} moved to {Folder}")]
    public static partial void MessageMoved(this ILogger logger, string messageId, string mailbox, string folder);
}
