using HeaderSync.Engine.Basis;
using ExclusionKind = HeaderSync.Data.Basis.ExclusionKind;

namespace HeaderSync.Engine.Relevance;

/// <summary>One change to the basis: an address or domain added to or removed from one of its lists.</summary>
public sealed record BasisChange(BasisChangeKind Kind, string Value)
{
    /// <summary>A copy of the basis with this change made; the basis itself is left as it is.</summary>
    public RelevanceBasis ApplyTo(RelevanceBasis basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        return Kind switch
        {
            BasisChangeKind.AddProspect => basis with { Prospects = [.. basis.Prospects, new Prospect(Value)] },
            BasisChangeKind.AddAccountDomain => basis with { AccountDomains = [.. basis.AccountDomains, Value] },
            BasisChangeKind.RemoveExclusion => basis with
            {
                Exclusions = [.. basis.Exclusions.Where(e => !Same(e.Value, Value))],
            },
            BasisChangeKind.RemoveInternalDomain => basis with
            {
                InternalDomains = [.. basis.InternalDomains.Where(d => !Same(d, Value))],
            },
            BasisChangeKind.AddExclusion => basis with
            {
                Exclusions = [.. basis.Exclusions, new Exclusion(
                    Value.Contains('@', StringComparison.Ordinal) ? ExclusionKind.Address : ExclusionKind.Domain, Value)],
            },
            _ => throw new InvalidOperationException($"Unknown basis change {Kind}."),
        };
    }

    /// <summary>What an admin would do, in the words of the portal.</summary>
    public string Describe() => Kind switch
    {
        BasisChangeKind.AddProspect => $"Add {Value} as a prospect",
        BasisChangeKind.AddAccountDomain => $"Add {Value} as an account domain",
        BasisChangeKind.RemoveExclusion => $"Remove the exclusion {Value}",
        BasisChangeKind.RemoveInternalDomain => $"Remove the internal domain {Value}",
        BasisChangeKind.AddExclusion => $"Exclude {Value}",
        _ => Value,
    };

    private static bool Same(string stored, string value) =>
        string.Equals(Normalized(stored), Normalized(value), StringComparison.OrdinalIgnoreCase);

    // Stored lists are normalised on entry, but a basis built by hand may not be.
    private static string Normalized(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Contains('@', StringComparison.Ordinal)
            && !trimmed.StartsWith("*@", StringComparison.Ordinal)
            && EmailAddresses.Normalize(trimmed) is { } address)
        {
            return address;
        }

        return DomainNames.TryNormalize(trimmed, out var domain, out _) ? domain : trimmed;
    }
}
