using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace HeaderSync.Engine.Relevance;

/// <summary>Domain normalisation (punycode, lower case) and label-suffix matching.</summary>
public static class DomainNames
{
    private const int MaxDomainLength = 253;

    /// <summary>Normalises a domain people typed: `fabrikam.com`, `@fabrikam.com`, `*@fabrikam.com`.</summary>
    public static bool TryNormalize(
        string? text, [NotNullWhen(true)] out string? domain, [NotNullWhen(false)] out string? error)
    {
        domain = null;
        var span = (text ?? string.Empty).AsSpan().Trim();
        if (span.StartsWith("*@", StringComparison.Ordinal))
        {
            span = span[2..];
        }
        else if (span.StartsWith('@'))
        {
            span = span[1..];
        }

        span = span.Trim();
        if (span.IsEmpty)
        {
            error = "the domain is empty";
            return false;
        }

        var ascii = Ascii.IsValid(span) ? EmailAddresses.ToLower(span) : ToAscii(span);
        if (ascii is null || !IsValidHostName(ascii))
        {
            error = $"'{span}' is not a valid domain";
            return false;
        }

        domain = ascii;
        error = null;
        return true;
    }

    /// <summary>True when `domain` is `parent` or one of its subdomains, by whole labels.</summary>
    public static bool IsWithin(string domain, string parent)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(parent);
        if (parent.Length == 0 || domain.Length < parent.Length)
        {
            return false;
        }

        if (!domain.EndsWith(parent, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return domain.Length == parent.Length || domain[domain.Length - parent.Length - 1] == '.';
    }

    /// <summary>Punycode for an internationalised domain, lower-cased; null when it cannot be.</summary>
    internal static string? ToAscii(ReadOnlySpan<char> domain)
    {
        // Punycode is quadratic in a label's length; nothing longer than DNS allows is worth it.
        if (domain.Length > MaxDomainLength)
        {
            return null;
        }

        try
        {
            // Lower-case first: with invariant globalization IdnMapping does no case mapping of
            // its own, and `BÜCHER.de` must give the same punycode as `bücher.de`.
            return new IdnMapping().GetAscii(EmailAddresses.ToLower(domain)).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            // Broken encodings leave bytes IDNA refuses; such a domain matches nothing.
            return null;
        }
    }

    private static bool IsValidHostName(string domain)
    {
        if (domain.Length > MaxDomainLength || !domain.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var range in domain.AsSpan().Split('.'))
        {
            var label = domain.AsSpan()[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }
}
