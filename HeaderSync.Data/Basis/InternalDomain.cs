namespace HeaderSync.Data.Basis;

/// <summary>A domain of the organisation itself: verified in the tenant or added by an admin.</summary>
public sealed class InternalDomain
{
    public int Id { get; set; }

    public required string Domain { get; set; }

    public InternalDomainSource Source { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public string? AddedBy { get; set; }
}
