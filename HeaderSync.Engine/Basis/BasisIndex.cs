using HeaderSync.Engine.Relevance;
using ExclusionKind = HeaderSync.Data.Basis.ExclusionKind;

namespace HeaderSync.Engine.Basis;

/// <summary>
/// The basis normalised into hash sets once, so that deciding one email costs a few lookups per
/// participant. Immutable: build a new index when the basis version changes.
/// </summary>
public sealed class BasisIndex
{
    private BasisIndex(
        AddressIndex addresses,
        DomainIndex domains,
        bool accountDomainMatching,
        IReadOnlyList<string> refusedAccountDomains)
    {
        Addresses = addresses;
        Domains = domains;
        AccountDomainMatching = accountDomainMatching;
        RefusedAccountDomains = refusedAccountDomains;
    }

    public static BasisIndex Empty { get; } = Create(RelevanceBasis.Empty);

    public bool AccountDomainMatching { get; }

    /// <summary>Account domains left out because they are free-mail, internal or not domains.</summary>
    public IReadOnlyList<string> RefusedAccountDomains { get; }

    internal AddressIndex Addresses { get; }

    internal DomainIndex Domains { get; }

    public static BasisIndex Create(RelevanceBasis basis)
    {
        ArgumentNullException.ThrowIfNull(basis);

        var domains = DomainIndex.CreateBuilder();
        foreach (var text in basis.InternalDomains)
        {
            AddDomain(domains, text, DomainRoles.Internal);
        }

        var addresses = AddressIndex.CreateBuilder();
        var accountDomainTexts = new List<string>(basis.AccountDomains);
        foreach (var prospect in basis.Prospects)
        {
            if (EmailAddresses.Normalize(prospect.Address) is { } address)
            {
                addresses[address] = addresses.GetValueOrDefault(address) | AddressRoles.Prospect;
            }

            if (!string.IsNullOrWhiteSpace(prospect.AccountDomain))
            {
                accountDomainTexts.Add(prospect.AccountDomain);
            }
        }

        var refused = new List<string>();
        foreach (var text in accountDomainTexts)
        {
            // An internal domain as account domain would make every colleague a prospect.
            if (!DomainNames.TryNormalize(text, out var domain, out _)
                || FreeMailDomains.Contains(domain)
                || (domains.GetValueOrDefault(domain) & DomainRoles.Internal) != 0)
            {
                refused.Add(text);
                continue;
            }

            AddDomain(domains, domain, DomainRoles.Account);
        }

        foreach (var exclusion in basis.Exclusions)
        {
            if (exclusion.Kind == ExclusionKind.Domain)
            {
                AddDomain(domains, exclusion.Value, DomainRoles.Excluded);
            }
            else if (EmailAddresses.Normalize(exclusion.Value) is { } address)
            {
                addresses[address] = addresses.GetValueOrDefault(address) | AddressRoles.Excluded;
            }
        }

        return new BasisIndex(
            new AddressIndex(addresses), new DomainIndex(domains), basis.AccountDomainMatching, refused);
    }

    /// <summary>Whether the address is in an internal domain: the `decide` rule for sent files.</summary>
    public bool IsInternalAddress(string? address)
    {
        return address is not null
            && EmailAddresses.TrySplit(address, out var parts)
            && Domains.Match(parts.Domain).Internal is not null;
    }

    private static void AddDomain(Dictionary<string, DomainRoles> domains, string text, DomainRoles role)
    {
        if (DomainNames.TryNormalize(text, out var domain, out _))
        {
            domains[domain] = domains.GetValueOrDefault(domain) | role;
        }
    }
}
