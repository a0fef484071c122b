namespace HeaderSync.Web.Status;

/// <summary>The <c>Status</c> configuration section: how live status reaches browsers.</summary>
public sealed class StatusOptions
{
    public const string Section = "Status";

    // The last value per mailbox is sent at most this often, so a busy tenant cannot flood a page.
    public int CoalesceMs { get; set; } = 200;
}
