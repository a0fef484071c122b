namespace HeaderSync.Engine.Basis;

/// <summary>What a listed address is to the basis.</summary>
[Flags]
internal enum AddressRoles
{
    None = 0,
    Prospect = 1,
    Excluded = 2,
}
