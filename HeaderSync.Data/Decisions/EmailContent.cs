namespace HeaderSync.Data.Decisions;

/// <summary>The stored body and full headers of a synced email; ignored emails never have one.</summary>
public sealed class EmailContent
{
    public long EmailDecisionId { get; set; }

    public string? BodyText { get; set; }

    public string? BodyHtml { get; set; }

    // The full header block as received, one "Name: value" per line.
    public string? Headers { get; set; }

    public DateTimeOffset DownloadedAt { get; set; }
}
