using System.Diagnostics.CodeAnalysis;

namespace HeaderSync.Engine.Basis;

/// <summary>Normalised domains matched by label suffix: `eu.fabrikam.com` is in `fabrikam.com`.</summary>
internal sealed class DomainSet
{
    private readonly HashSet<string> _domains;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public DomainSet(HashSet<string> domains)
    {
        _domains = domains;
        _lookup = domains.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _domains.Count;

    public static HashSet<string> CreateBuilder() => new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds the domain itself or its nearest listed parent; `matched` is the listed one.</summary>
    public bool TryMatch(ReadOnlySpan<char> domain, [NotNullWhen(true)] out string? matched)
    {
        matched = null;
        if (_domains.Count == 0)
        {
            return false;
        }

        var rest = domain;
        while (!rest.IsEmpty)
        {
            if (_lookup.TryGetValue(rest, out matched))
            {
                return true;
            }

            var dot = rest.IndexOf('.');
            if (dot < 0)
            {
                return false;
            }

            rest = rest[(dot + 1)..];
        }

        return false;
    }
}
