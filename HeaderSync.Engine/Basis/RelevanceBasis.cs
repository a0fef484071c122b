namespace HeaderSync.Engine.Basis;

/// <summary>What relevance decides against, as stored; index it once with <see cref="BasisIndex"/>.</summary>
public sealed record RelevanceBasis
{
    public static RelevanceBasis Empty { get; } = new();

    public IReadOnlyList<Prospect> Prospects { get; init; } = [];

    /// <summary>Account domains kept apart from any one prospect (a company's other domains).</summary>
    public IReadOnlyList<string> AccountDomains { get; init; } = [];

    public IReadOnlyList<string> InternalDomains { get; init; } = [];

    public IReadOnlyList<Exclusion> Exclusions { get; init; } = [];

    public bool AccountDomainMatching { get; init; } = true;
}
