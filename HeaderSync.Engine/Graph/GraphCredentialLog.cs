using HeaderSync.Data.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HeaderSync.Engine.Graph;

internal static partial class GraphCredentialLog
{
    [LoggerMessage(LogEventIds.GraphTokenRefreshFailed, LogLevel.Warning,
        "Renewing the Graph token failed; the current one serves until {ExpiresOn}")]
    public static partial void RefreshFailed(ILogger logger, DateTimeOffset expiresOn, Exception exception);
}
