namespace HeaderSync.Engine.Basis;

/// <summary>What a listed domain is to the basis; one domain may be several at once.</summary>
[Flags]
internal enum DomainRoles
{
    None = 0,
    Internal = 1,
    Account = 2,
    Excluded = 4,
}
