using HeaderSync.Data.Settings;

namespace HeaderSync.Web.Settings;

/// <summary>The org settings as an admin edits them, and what they were when the page loaded.</summary>
public sealed record OrgSettingsDraft(
    bool HeaderOnlySync,
    int SyncIntervalMinutes,
    int HistoryWindowDays,
    bool AccountDomainMatching,
    int ReviewRetentionDays,
    int? ContentRetentionDays)
{
    public static OrgSettingsDraft From(OrgSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.HeaderOnlySync, settings.SyncIntervalMinutes, settings.HistoryWindowDays,
            settings.AccountDomainMatching, settings.ReviewRetentionDays, settings.ContentRetentionDays);
    }

    /// <summary>What is wrong with the draft, by setting name; empty when it can be saved.</summary>
    public IReadOnlyList<string> Problems() => Problems(minimumSyncIntervalMinutes: 5);

    /// <summary>
    /// What stops the portal from starting with stored settings: the same checks, except that an
    /// interval below the 5 minutes an admin may choose, set in the database by hand for a trial,
    /// still runs; only one the schedule cannot run with (under a minute) is refused.
    /// </summary>
    public IReadOnlyList<string> ProblemsAtStart() => Problems(minimumSyncIntervalMinutes: 1);

    private List<string> Problems(int minimumSyncIntervalMinutes)
    {
        var problems = new List<string>();
        if (SyncIntervalMinutes < minimumSyncIntervalMinutes || SyncIntervalMinutes > 1440)
        {
            problems.Add(FormattableString.Invariant(
                $"SyncIntervalMinutes must be between {minimumSyncIntervalMinutes} and 1440 minutes."));
        }

        if (HistoryWindowDays is < 1 or > 3650)
        {
            problems.Add("HistoryWindowDays must be between 1 and 3650 days.");
        }

        if (ReviewRetentionDays is < 1 or > 3650)
        {
            problems.Add("ReviewRetentionDays must be between 1 and 3650 days.");
        }

        if (ContentRetentionDays is < 1 or > 3650)
        {
            problems.Add("ContentRetentionDays must be off or between 1 and 3650 days.");
        }

        return problems;
    }

    /// <summary>The changes from <paramref name="before"/>, in words an admin reads in a confirmation.</summary>
    public IReadOnlyList<string> ChangesFrom(OrgSettingsDraft before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var changes = new List<string>();
        if (HeaderOnlySync != before.HeaderOnlySync)
        {
            changes.Add(HeaderOnlySync ? "Header-only sync turned on" : "Header-only sync turned off");
        }

        if (SyncIntervalMinutes != before.SyncIntervalMinutes)
        {
            changes.Add($"Sync interval {before.SyncIntervalMinutes} → {SyncIntervalMinutes} minutes");
        }

        if (HistoryWindowDays != before.HistoryWindowDays)
        {
            changes.Add($"History window {before.HistoryWindowDays} → {HistoryWindowDays} days");
        }

        if (AccountDomainMatching != before.AccountDomainMatching)
        {
            changes.Add(AccountDomainMatching ? "Account-domain matching turned on" : "Account-domain matching turned off");
        }

        if (ReviewRetentionDays != before.ReviewRetentionDays)
        {
            changes.Add($"Review retention {before.ReviewRetentionDays} → {ReviewRetentionDays} days");
        }

        if (ContentRetentionDays != before.ContentRetentionDays)
        {
            changes.Add($"Content retention {Days(before.ContentRetentionDays)} → {Days(ContentRetentionDays)}");
        }

        return changes;
    }

    private static string Days(int? days) => days is { } value ? $"{value} days" : "off";
}
