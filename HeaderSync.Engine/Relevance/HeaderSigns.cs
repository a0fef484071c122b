namespace HeaderSync.Engine.Relevance;

/// <summary>
/// One pass over the internet message headers for the Sensitive and Automated rules. Matches are
/// returned as constants where possible so that a typical email allocates nothing here.
/// </summary>
internal static class HeaderSigns
{
    private const int MaxQuotedValue = 64;

    public static void Scan(
        IReadOnlyList<EmailHeader>? headers, out string? sensitive, out string? automated)
    {
        sensitive = null;
        automated = null;
        if (headers is null)
        {
            return;
        }

        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            var name = header.Name.AsSpan().Trim();
            var value = (header.Value ?? string.Empty).AsSpan().Trim();
            if (name.Length == 11 && Is(name, "Sensitivity"))
            {
                sensitive = SensitiveValue(value);
                if (sensitive is not null)
                {
                    return;
                }
            }
            else
            {
                automated ??= AutomatedSign(name, value);
            }
        }
    }

    // RFC 2156 values; `Confidential` is what some clients write for Company-Confidential.
    private static string? SensitiveValue(ReadOnlySpan<char> value)
    {
        if (value.Equals("Private", StringComparison.OrdinalIgnoreCase))
        {
            return "Sensitivity: Private";
        }

        if (value.Equals("Company-Confidential", StringComparison.OrdinalIgnoreCase))
        {
            return "Sensitivity: Company-Confidential";
        }

        return value.Equals("Confidential", StringComparison.OrdinalIgnoreCase)
            ? "Sensitivity: Confidential"
            : null;
    }

    // Dispatch on the name's length first: most headers (Received, DKIM-Signature, ...) then
    // cost one comparison or none.
    private static string? AutomatedSign(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        switch (name.Length)
        {
            case 7:
                return Is(name, "List-Id") ? "List-Id" : null;
            case 10:
                return Is(name, "Precedence") ? PrecedenceSign(FirstToken(value)) : null;
            case 11 when Is(name, "Return-Path"):
                return IsNullPath(value) ? "Return-Path: <>" : null;
            case 11:
                return Is(name, "X-Autoreply") ? "X-Autoreply" : null;
            case 12:
                return Is(name, "Content-Type") && Is(FirstToken(value), "multipart/report")
                    ? "Content-Type: multipart/report"
                    : null;
            case 13:
                return Is(name, "X-Autorespond") ? "X-Autorespond" : null;
            case 14:
                return Is(name, "Auto-Submitted") ? AutoSubmittedSign(FirstToken(value)) : null;
            case 16:
                return Is(name, "List-Unsubscribe") ? "List-Unsubscribe" : null;
            case 20 when Is(name, "X-Microsoft-Antispam"):
                var bcl = BulkComplaintLevel(value);
                return bcl >= 7 ? $"X-Microsoft-Antispam: BCL:{bcl}" : null;
            default:
                return null;
        }
    }

    // RFC 3834: `no` is the only human value; parameters may follow a semicolon.
    private static string? AutoSubmittedSign(ReadOnlySpan<char> token) =>
        token.IsEmpty || Is(token, "no") ? null : $"Auto-Submitted: {Clip(token)}";

    private static bool Is(ReadOnlySpan<char> text, string expected) =>
        text.Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static string? PrecedenceSign(ReadOnlySpan<char> token)
    {
        if (token.Equals("bulk", StringComparison.OrdinalIgnoreCase))
        {
            return "Precedence: bulk";
        }

        if (token.Equals("junk", StringComparison.OrdinalIgnoreCase))
        {
            return "Precedence: junk";
        }

        return token.Equals("list", StringComparison.OrdinalIgnoreCase) ? "Precedence: list" : null;
    }

    private static bool IsNullPath(ReadOnlySpan<char> value)
    {
        // `<>`, `< >` and the like; nothing but brackets and white space.
        if (value.Length < 2 || value[0] != '<' || value[^1] != '>')
        {
            return false;
        }

        return value[1..^1].IsWhiteSpace();
    }

    // The highest BCL:n found in X-Microsoft-Antispam, or -1; repeated or broken entries are tolerated.
    private static int BulkComplaintLevel(ReadOnlySpan<char> value)
    {
        var highest = -1;
        var rest = value;
        while (true)
        {
            var index = rest.IndexOf("BCL:", StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return highest;
            }

            var atTokenStart = index == 0
                || rest[index - 1] == ';'
                || char.IsWhiteSpace(rest[index - 1]);
            rest = rest[(index + 4)..];
            var digits = rest.TrimStart();
            var length = 0;
            while (length < digits.Length && length < 3 && char.IsAsciiDigit(digits[length]))
            {
                length++;
            }

            if (atTokenStart && length > 0)
            {
                var level = 0;
                foreach (var digit in digits[..length])
                {
                    level = (level * 10) + (digit - '0');
                }

                highest = Math.Max(highest, level);
            }
        }
    }

    private static ReadOnlySpan<char> FirstToken(ReadOnlySpan<char> value)
    {
        var semicolon = value.IndexOf(';');
        return (semicolon >= 0 ? value[..semicolon] : value).Trim();
    }

    private static ReadOnlySpan<char> Clip(ReadOnlySpan<char> value) =>
        value.Length <= MaxQuotedValue ? value : value[..MaxQuotedValue];
}
