namespace HeaderSync.Engine.Basis;

/// <summary>Normalised addresses with their roles, looked up by span so deciding allocates nothing.</summary>
internal sealed class AddressIndex
{
    private readonly Dictionary<string, AddressRoles> _addresses;
    private readonly Dictionary<string, AddressRoles>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public AddressIndex(Dictionary<string, AddressRoles> addresses)
    {
        _addresses = addresses;
        _lookup = addresses.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static Dictionary<string, AddressRoles> CreateBuilder() => new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The roles of the address and the listed spelling of it, or None.</summary>
    public AddressRoles Match(ReadOnlySpan<char> address, out string? listed)
    {
        listed = null;
        if (_addresses.Count == 0 || !_lookup.TryGetValue(address, out listed, out var roles))
        {
            return AddressRoles.None;
        }

        return roles;
    }
}
