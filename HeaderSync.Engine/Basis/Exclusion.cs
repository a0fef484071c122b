using System.Diagnostics.CodeAnalysis;
using HeaderSync.Engine.Relevance;
using ExclusionKind = HeaderSync.Data.Basis.ExclusionKind;

namespace HeaderSync.Engine.Basis;

/// <summary>An address or domain whose emails are never synced; the value is normalised.</summary>
public sealed record Exclusion(ExclusionKind Kind, string Value)
{
    /// <summary>Reads `someone@domain`, `*@domain` or `domain`.</summary>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out Exclusion? exclusion,
        [NotNullWhen(false)] out string? error)
    {
        exclusion = null;
        var trimmed = (text ?? string.Empty).Trim();

        // `*@domain` and `domain` mean the same: domains always match with their subdomains.
        if (trimmed.StartsWith("*@", StringComparison.Ordinal)
            || !trimmed.Contains('@', StringComparison.Ordinal))
        {
            if (!DomainNames.TryNormalize(trimmed, out var domain, out error))
            {
                return false;
            }

            exclusion = new Exclusion(ExclusionKind.Domain, domain);
            return true;
        }

        if (!EmailAddresses.TryNormalizeStrict(trimmed, out var address, out error))
        {
            return false;
        }

        exclusion = new Exclusion(ExclusionKind.Address, address);
        return true;
    }
}
