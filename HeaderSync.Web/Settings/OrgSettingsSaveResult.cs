namespace HeaderSync.Web.Settings;

/// <summary>How a save of the org settings went.</summary>
public sealed record OrgSettingsSaveResult(bool Saved, int Version, string? Conflict, IReadOnlyList<string> Changes)
{
    public static OrgSettingsSaveResult StaleBy(string? otherAdmin, DateTimeOffset at) => new(
        false, 0,
        $"{otherAdmin ?? "Another admin"} saved these settings at {at:yyyy-MM-dd HH:mm} UTC after you opened "
        + "this page. Your changes are still here: reload to see theirs, then make yours again.",
        []);
}
