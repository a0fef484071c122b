namespace HeaderSync.Engine.Basis;

/// <summary>
/// The basis as the database holds it: what relevance decides against, which of its internal
/// domains are verified in the tenant (no admin can remove those), and its version.
/// </summary>
public sealed record StoredBasis(RelevanceBasis Basis, IReadOnlySet<string> VerifiedInternalDomains, long Version);
