namespace HeaderSync.Data.Basis;

/// <summary>An address or domain whose emails are never synced.</summary>
public sealed class Exclusion
{
    public int Id { get; set; }

    // Normalised: an address, or a domain (entered as "domain" or "*@domain").
    public required string Value { get; set; }

    public ExclusionKind Kind { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public string? AddedBy { get; set; }
}
