namespace HeaderSync.Engine.Relevance;

/// <summary>
/// One pass over the internet message headers for the Sensitive and Automated rules. Matches are
/// returned as constants where possible so that a typical email allocates nothing here.
/// </summary>
internal static class HeaderSigns
{
    private const int MaxQuotedValue = 64;

    public static void Scan(IReadOnlyList<EmailHeader>? headers, out string? sensitive, out string? automated)
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
            if (name.Equals("Sensitivity", StringComparison.OrdinalIgnoreCase))
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

    private static string? AutomatedSign(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        if (name.Equals("Auto-Submitted", StringComparison.OrdinalIgnoreCase))
        {
            // RFC 3834: `no` is the only human value; parameters may follow a semicolon.
            var token = FirstToken(value);
            return token.IsEmpty || token.Equals("no", StringComparison.OrdinalIgnoreCase)
                ? null
                : $"Auto-Submitted: {Clip(token)}";
        }

        if (name.Equals("List-Id", StringComparison.OrdinalIgnoreCase))
        {
            return "List-Id";
        }

        if (name.Equals("List-Unsubscribe", StringComparison.OrdinalIgnoreCase))
        {
            return "List-Unsubscribe";
        }

        if (name.Equals("Precedence", StringComparison.OrdinalIgnoreCase))
        {
            return PrecedenceSign(FirstToken(value));
        }

        if (name.Equals("Return-Path", StringComparison.OrdinalIgnoreCase))
        {
            return IsNullPath(value) ? "Return-Path: <>" : null;
        }

        if (name.Equals("X-Autoreply", StringComparison.OrdinalIgnoreCase))
        {
            return "X-Autoreply";
        }

        if (name.Equals("X-Autorespond", StringComparison.OrdinalIgnoreCase))
        {
            return "X-Autorespond";
        }

        if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
        {
            return FirstToken(value).Equals("multipart/report", StringComparison.OrdinalIgnoreCase)
                ? "Content-Type: multipart/report"
                : null;
        }

        if (name.Equals("X-Microsoft-Antispam", StringComparison.OrdinalIgnoreCase))
        {
            var bcl = BulkComplaintLevel(value);
            return bcl >= 7 ? $"X-Microsoft-Antispam: BCL:{bcl}" : null;
        }

        return null;
    }

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

            var atTokenStart = index == 0 || rest[index - 1] == ';' || char.IsWhiteSpace(rest[index - 1]);
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
