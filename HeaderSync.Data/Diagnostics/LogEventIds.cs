namespace HeaderSync.Data.Diagnostics;

/// <summary>
/// Every log event id of HeaderSync, in one list so that none repeats. Ids are grouped by
/// feature in blocks of a hundred; operators grep for them, so a published id never changes.
/// </summary>
public static class LogEventIds
{
    // Hosting and start-up: 1000-1099
    public const int PortalListening = 1000;
    public const int DatabaseReady = 1001;
    public const int ConfigurationInvalid = 1002;
    public const int DevelopmentSettingsLoaded = 1003;

    // Command line: 1100-1199
    public const int CommandStarted = 1100;
    public const int CommandFailed = 1101;

    // Database: 1200-1299
    public const int MigrationsApplied = 1200;
    public const int HealthCheckFailed = 1201;
}
