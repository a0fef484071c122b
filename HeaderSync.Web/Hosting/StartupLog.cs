using HeaderSync.Data.Diagnostics;

namespace HeaderSync.Web.Hosting;

internal static partial class StartupLog
{
    [LoggerMessage(LogEventIds.PortalListening, LogLevel.Information,
        "HeaderSync portal listening on {Url}")]
    public static partial void PortalListening(ILogger logger, string url);

    [LoggerMessage(LogEventIds.DatabaseReady, LogLevel.Information,
        "Database ready: {Provider} at {Location}")]
    public static partial void DatabaseReady(ILogger logger, string provider, string location);

    [LoggerMessage(LogEventIds.ConfigurationInvalid, LogLevel.Critical,
        "Configuration is invalid: {Failures}")]
    public static partial void ConfigurationInvalid(ILogger logger, string failures);
}
