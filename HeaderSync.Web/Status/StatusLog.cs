using HeaderSync.Data.Diagnostics;

namespace HeaderSync.Web.Status;

internal static partial class StatusLog
{
    [LoggerMessage(LogEventIds.StatusPublishFailed, LogLevel.Warning, "Live status could not be sent or stored")]
    public static partial void PublishFailed(ILogger logger, Exception exception);
}
