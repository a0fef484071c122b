namespace HeaderSync.Data.Basis;

/// <summary>
/// The version of the basis of relevance; every change to prospects, domains, exclusions or
/// account-domain matching bumps it so the engine knows which decisions to revisit.
/// </summary>
public sealed class BasisState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long Version { get; set; } = 1;

    public DateTimeOffset ChangedAt { get; set; }

    public string? ChangedBy { get; set; }
}
