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

    // Sync engine: 2000-2099
    public const int SyncStarted = 2000;
    public const int SyncCompleted = 2001;
    public const int SyncFailed = 2002;
    public const int SyncSkipped = 2003;
    public const int MailboxNeedsAttention = 2004;

    // Scheduling: 2100-2199
    public const int MailboxScheduled = 2100;
    public const int ResyncRequested = 2101;
    public const int SyncRecovered = 2102;

    // Retention and erasure: 2400-2499
    public const int RetentionApplied = 2400;
    public const int PersonErased = 2401;

    // Live status: 2300-2399
    public const int StatusPublishFailed = 2300;
    public const int StatusFeedUnavailable = 2301;

    // Graph credential: 2400-2499
    public const int GraphTokenRefreshFailed = 2400;

    // Enrolment and basis import: 2200-2299
    public const int MailboxEnrolled = 2200;
    public const int BasisImported = 2201;
    public const int MailboxAdded = 2202;
    public const int MailboxRemoved = 2203;
    public const int MailboxPurged = 2204;
    public const int ConnectionChecked = 2205;

    // Sign-in and access: 1300-1399
    public const int SignedIn = 1300;
    public const int SignedInWithoutRole = 1301;
    public const int CircuitSessionEnded = 1302;

    // Database: 1200-1299
    public const int MigrationsApplied = 1200;
    public const int HealthCheckFailed = 1201;
}
