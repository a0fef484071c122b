namespace HeaderSync.Data.Settings;

/// <summary>The organisation's settings, one row, edited in the portal.</summary>
public sealed class OrgSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public bool HeaderOnlySync { get; set; }

    public int SyncIntervalMinutes { get; set; } = 15;

    public int HistoryWindowDays { get; set; } = 90;

    public bool AccountDomainMatching { get; set; } = true;

    public int ReviewRetentionDays { get; set; } = 30;

    // Off (null) by default: synced bodies are kept until an admin sets a limit.
    public int? ContentRetentionDays { get; set; }

    // Optimistic concurrency: every save increments it, a stale save fails.
    public int Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}
