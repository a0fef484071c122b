using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace HeaderSync.Engine.Relevance;

/// <summary>
/// Address normalisation as DESIGN.md defines it: trim, drop angle brackets, punycode the domain,
/// lower-case. No plus or dot stripping: those are provider conventions, not address equality.
/// </summary>
public static class EmailAddresses
{
    private const string BracketsAndSpace = "<> \t\r\n";

    /// <summary>The normalised address, or null when the text holds no address at all.</summary>
    public static string? Normalize(string? text)
    {
        if (text is null || !TrySplit(text, out var parts))
        {
            return null;
        }

        return ToLower(parts.Address);
    }

    /// <summary>A strict check for addresses people type into the basis (imports, settings).</summary>
    public static bool TryNormalizeStrict(
        string? text, [NotNullWhen(true)] out string? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the address is empty";
            return false;
        }

        if (!TrySplit(text, out var parts))
        {
            error = $"'{text.Trim()}' is not an email address";
            return false;
        }

        if (!IsValidLocalPart(parts.Local))
        {
            error = $"'{text.Trim()}' is not a valid email address";
            return false;
        }

        if (!DomainNames.TryNormalize(parts.Domain.ToString(), out _, out var domainError))
        {
            error = $"'{text.Trim()}' is not a valid email address: {domainError}";
            return false;
        }

        address = ToLower(parts.Address);
        error = null;
        return true;
    }

    /// <summary>Splits without allocating unless the domain needs punycode.</summary>
    internal static bool TrySplit(string text, out AddressParts parts)
    {
        parts = default;
        var span = text.AsSpan().Trim();

        // "Name" <addr> keeps only what is inside the last bracket pair, so a display name that
        // looks like an address never takes part; stray or doubled brackets are dropped too.
        if (span.EndsWith('>'))
        {
            span = span.TrimEnd('>');
            var open = span.LastIndexOf('<');
            if (open >= 0)
            {
                span = span[(open + 1)..];
            }
        }

        span = span.Trim(BracketsAndSpace);
        var at = span.LastIndexOf('@');
        if (at <= 0 || at == span.Length - 1)
        {
            return false;
        }

        var domain = span[(at + 1)..];
        if (Ascii.IsValid(domain))
        {
            parts = new AddressParts(span, at);
            return true;
        }

        var ascii = DomainNames.ToAscii(domain);
        if (ascii is null)
        {
            return false;
        }

        var converted = string.Concat(span[..(at + 1)], ascii);
        parts = new AddressParts(converted, at);
        return true;
    }

    internal static string ToLower(ReadOnlySpan<char> text)
    {
        var lower = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        text.ToLowerInvariant(lower);
        return new string(lower);
    }

    private static bool IsValidLocalPart(ReadOnlySpan<char> local)
    {
        if (local.Length > 64)
        {
            return false;
        }

        // A quoted local part may hold almost anything printable; the quotes are kept as typed.
        if (local.Length >= 2 && local[0] == '"' && local[^1] == '"')
        {
            foreach (var c in local[1..^1])
            {
                if (char.IsControl(c))
                {
                    return false;
                }
            }

            return true;
        }

        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in local)
        {
            var allowed = char.IsAsciiLetterOrDigit(c)
                || "!#$%&'*+-/=?^_`{|}~.".Contains(c)
                || (c > 127 && !char.IsControl(c) && !char.IsWhiteSpace(c));
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }
}
