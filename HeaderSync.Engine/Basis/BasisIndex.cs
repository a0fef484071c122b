using HeaderSync.Engine.Relevance;

namespace HeaderSync.Engine.Basis;

/// <summary>
/// The basis normalised into hash sets once, so that deciding one email costs a few lookups per
/// participant. Immutable: build a new index when the basis version changes.
/// </summary>
public sealed class BasisIndex
{
    private BasisIndex(
        AddressSet prospects,
        DomainSet accountDomains,
        DomainSet internalDomains,
        AddressSet excludedAddresses,
        DomainSet excludedDomains,
        bool accountDomainMatching,
        IReadOnlyList<string> refusedAccountDomains)
    {
        Prospects = prospects;
        AccountDomains = accountDomains;
        InternalDomains = internalDomains;
        ExcludedAddresses = excludedAddresses;
        ExcludedDomains = excludedDomains;
        AccountDomainMatching = accountDomainMatching;
        RefusedAccountDomains = refusedAccountDomains;
    }

    public static BasisIndex Empty { get; } = Create(RelevanceBasis.Empty);

    public bool AccountDomainMatching { get; }

    /// <summary>Account domains left out because they are free-mail, internal or not domains.</summary>
    public IReadOnlyList<string> RefusedAccountDomains { get; }

    internal AddressSet Prospects { get; }

    internal DomainSet AccountDomains { get; }

    internal DomainSet InternalDomains { get; }

    internal AddressSet ExcludedAddresses { get; }

    internal DomainSet ExcludedDomains { get; }

    public static BasisIndex Create(RelevanceBasis basis)
    {
        ArgumentNullException.ThrowIfNull(basis);

        var internalDomains = DomainSet.CreateBuilder();
        AddDomains(internalDomains, basis.InternalDomains);

        var prospects = AddressSet.CreateBuilder();
        var accountDomainTexts = new List<string>(basis.AccountDomains);
        foreach (var prospect in basis.Prospects)
        {
            var address = EmailAddresses.Normalize(prospect.Address);
            if (address is not null)
            {
                prospects.Add(address);
            }

            if (!string.IsNullOrWhiteSpace(prospect.AccountDomain))
            {
                accountDomainTexts.Add(prospect.AccountDomain);
            }
        }

        var accountDomains = DomainSet.CreateBuilder();
        var refused = new List<string>();
        foreach (var text in accountDomainTexts)
        {
            // An internal domain as account domain would make every colleague a prospect.
            if (!DomainNames.TryNormalize(text, out var domain, out _)
                || FreeMailDomains.Contains(domain)
                || internalDomains.Contains(domain))
            {
                refused.Add(text);
                continue;
            }

            accountDomains.Add(domain);
        }

        var excludedAddresses = AddressSet.CreateBuilder();
        var excludedDomains = DomainSet.CreateBuilder();
        foreach (var exclusion in basis.Exclusions)
        {
            if (exclusion.Kind == ExclusionKind.Domain)
            {
                AddDomains(excludedDomains, [exclusion.Value]);
            }
            else if (EmailAddresses.Normalize(exclusion.Value) is { } address)
            {
                excludedAddresses.Add(address);
            }
        }

        return new BasisIndex(
            new AddressSet(prospects),
            new DomainSet(accountDomains),
            new DomainSet(internalDomains),
            new AddressSet(excludedAddresses),
            new DomainSet(excludedDomains),
            basis.AccountDomainMatching,
            refused);
    }

    /// <summary>Whether the address is in an internal domain: the `decide` rule for sent files.</summary>
    public bool IsInternalAddress(string? address)
    {
        return address is not null
            && EmailAddresses.TrySplit(address, out var parts)
            && InternalDomains.TryMatch(parts.Domain, out _);
    }

    private static void AddDomains(HashSet<string> target, IReadOnlyList<string> texts)
    {
        foreach (var text in texts)
        {
            if (DomainNames.TryNormalize(text, out var domain, out _))
            {
                target.Add(domain);
            }
        }
    }
}
