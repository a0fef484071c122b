using System.Diagnostics.CodeAnalysis;

namespace HeaderSync.Engine.Basis;

/// <summary>Normalised addresses, looked up by span so deciding allocates nothing.</summary>
internal sealed class AddressSet
{
    private readonly HashSet<string> _addresses;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public AddressSet(HashSet<string> addresses)
    {
        _addresses = addresses;
        _lookup = addresses.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _addresses.Count;

    public static HashSet<string> CreateBuilder() => new(StringComparer.OrdinalIgnoreCase);

    public bool TryMatch(ReadOnlySpan<char> address, [NotNullWhen(true)] out string? matched)
    {
        if (_addresses.Count == 0)
        {
            matched = null;
            return false;
        }

        return _lookup.TryGetValue(address, out matched);
    }
}
