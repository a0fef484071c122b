namespace HeaderSync.Engine.Basis;

/// <summary>
/// Every listed domain with its roles in one table, matched by label suffix: `eu.fabrikam.com`
/// is in `fabrikam.com`, `notfabrikam.com` is not. One walk up the labels answers all roles, so
/// a participant costs one lookup per label, whatever the number of roles.
/// </summary>
internal sealed class DomainIndex
{
    private const int MaxDomainLength = 253;

    private readonly Dictionary<string, DomainRoles> _domains;
    private readonly Dictionary<string, DomainRoles>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public DomainIndex(Dictionary<string, DomainRoles> domains)
    {
        _domains = domains;
        _lookup = domains.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static Dictionary<string, DomainRoles> CreateBuilder() => new(StringComparer.OrdinalIgnoreCase);

    public bool Contains(string domain, DomainRoles role) =>
        _domains.TryGetValue(domain, out var roles) && (roles & role) != 0;

    public DomainMatch Match(ReadOnlySpan<char> domain)
    {
        if (_domains.Count == 0)
        {
            return default;
        }

        string? internalDomain = null, accountDomain = null, excludedDomain = null;
        var rest = WithinDnsLength(domain);
        while (!rest.IsEmpty)
        {
            if (_lookup.TryGetValue(rest, out var listed, out var roles))
            {
                // The nearest listed domain names the match: eu.fabrikam.com before fabrikam.com.
                if ((roles & DomainRoles.Internal) != 0)
                {
                    internalDomain ??= listed;
                }

                if ((roles & DomainRoles.Account) != 0)
                {
                    accountDomain ??= listed;
                }

                if ((roles & DomainRoles.Excluded) != 0)
                {
                    excludedDomain ??= listed;
                }
            }

            var dot = rest.IndexOf('.');
            if (dot < 0)
            {
                break;
            }

            rest = rest[(dot + 1)..];
        }

        return new DomainMatch(internalDomain, accountDomain, excludedDomain);
    }

    // No listed domain is longer than DNS allows, so a longer name is cut to the labels that
    // could still match. Hashing every suffix of a megabyte name would be quadratic.
    private static ReadOnlySpan<char> WithinDnsLength(ReadOnlySpan<char> domain)
    {
        if (domain.Length <= MaxDomainLength)
        {
            return domain;
        }

        var tail = domain[^(MaxDomainLength + 1)..];
        var dot = tail.IndexOf('.');
        return dot < 0 ? [] : tail[(dot + 1)..];
    }
}
