using HeaderSync.Data.Diagnostics;

namespace HeaderSync.Web.Status;

internal static partial class StatusLog
{
    [LoggerMessage(LogEventIds.StatusPublishFailed, LogLevel.Warning, "Live status could not be sent or stored")]
    public static partial void PublishFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogEventIds.StatusFeedUnavailable, LogLevel.Warning,
        "A page could not connect to the live-status hub; it shows stored status and retries")]
    public static partial void FeedUnavailable(ILogger logger, Exception exception);
}
