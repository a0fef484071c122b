using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using HeaderSync.Engine.Relevance;

namespace HeaderSync.Tests.Relevance;

/// <summary>Generators of the hostile input relevance must survive: odd text, huge values, garbage.</summary>
internal static class HostileInputs
{
    private static readonly string[] Pieces =
    [
        "<", ">", "@", "\"", ".", ",", ";", ":", " ", "\t", "\r\n", "\r\n ", "\0", "\\", "(", ")",
        "xn--", "xn--bcher-kva", "ü", "BÜCHER", "\u00ad", "\uD800", "\uDC00", "\uFFFF", "😀",
        "=?utf-8?q?", "=?utf-8?b?", "=?x-unknown?q?", "?=", "=FF=FE", "####",
        "BCL:", "BCL:9", "no-reply", "bulk", "<>", "multipart/report", "Private", "Personal",
        "jane@fabrikam.com", "blocked@adatum.com", "seller@contoso.com", "spam.example", "contoso.com",
    ];

    private static readonly string[] HeaderNames =
    [
        "Sensitivity", "Auto-Submitted", "List-Id", "List-Unsubscribe", "Precedence", "Return-Path",
        "X-Autoreply", "X-Autorespond", "Content-Type", "X-Microsoft-Antispam", "In-Reply-To",
        "References", "From", "To", "", " ", "SENSITIVITY", "x-microsoft-antispam",
    ];

    /// <summary>Short nasty text built from the pieces parsers trip over, and arbitrary strings.</summary>
    public static Gen<string> Text { get; } = Gen.Frequency(
        (2, Gen.Elements(Pieces).ListOf().Select(p => string.Concat(p))),
        (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)));

    /// <summary>Up to a megabyte of one repeated piece, or of a nasty text.</summary>
    public static Gen<string> HugeText { get; } =
        from length in Gen.Choose(65_536, 1_048_576)
        from piece in Gen.OneOf(Gen.Elements(Pieces), Text.Where(t => t.Length > 0))
        select Repeat(piece, length);

    public static Gen<EmailParty?> Party { get; } = Gen.Frequency(
        (1, Gen.Constant<EmailParty?>(null)),
        (8, Text.SelectMany(a => Text.Select(n => (EmailParty?)new EmailParty(a, n)))));

    public static Gen<IReadOnlyList<EmailParty>> Parties { get; } =
        Party.ListOf().Select(l => (IReadOnlyList<EmailParty>)l.Where(p => p is not null).ToList()!);

    public static Gen<EmailHeader> Header { get; } =
        Gen.OneOf(Gen.Elements(HeaderNames), Text).SelectMany(n => Text.Select(v => new EmailHeader(n, v)));

    public static Gen<HeaderFields> Email { get; } =
        from folder in Gen.Elements(FolderKind.Inbox, FolderKind.Sent)
        from author in Party
        from sender in Party
        from to in Parties
        from cc in Parties
        from bcc in Parties
        from headers in Gen.OneOf(Gen.Constant<List<EmailHeader>?>(null), Header.ListOf()!)
        from sensitivity in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(-3, 5).Select(i => (int?)i))
        from ids in Text.ListOf()
        from conversation in Text
        select new HeaderFields
        {
            Folder = folder,
            From = author,
            Sender = sender,
            To = to,
            Cc = cc,
            Bcc = bcc,
            InternetMessageHeaders = headers,
            SensitivityProperty = sensitivity,
            InReplyTo = ids.FirstOrDefault(),
            References = ids,
            ConversationId = conversation,
        };

    /// <summary>An email with one field blown up: a megabyte value or 10,000 recipients.</summary>
    public static Gen<HeaderFields> OversizedEmail { get; } =
        from email in Email
        from huge in HugeText
        from slot in Gen.Choose(0, 5)
        from name in Gen.Elements(HeaderNames)
        select slot switch
        {
            0 => email with { From = new EmailParty(huge, huge) },
            1 => email with { To = ManyRecipients(10_000, last: email.From?.Address) },
            2 => email with { Cc = [.. email.Cc, new EmailParty("x@" + huge)] },
            3 => email with { References = [huge], InReplyTo = huge, ConversationId = huge },
            _ => email with { InternetMessageHeaders = [.. email.InternetMessageHeaders ?? [], new(name, huge)] },
        };

    /// <summary>JSON text of any shape, with Graph's property names where they would matter.</summary>
    // Depth and width are bounded: unbounded nesting grows as width^depth and stalls the run.
    public static Gen<string> GraphJson { get; } = Gen.Sized(size => JsonValue(Math.Min(size, 16)));

    public static List<EmailParty> ManyRecipients(int count, string? last = null)
    {
        var parties = new List<EmailParty>(count);
        for (var i = 0; i < count; i++)
        {
            parties.Add(new EmailParty($"person{i}@company{i % 97}.example", $"Person {i}"));
        }

        if (last is not null)
        {
            parties[^1] = new EmailParty(last);
        }

        return parties;
    }

    private static string Repeat(string piece, int length)
    {
        var builder = new StringBuilder(length + piece.Length);
        while (builder.Length < length)
        {
            builder.Append(piece);
        }

        return builder.ToString();
    }

    private static readonly string[] GraphNames =
    [
        "from", "sender", "replyTo", "toRecipients", "ccRecipients", "bccRecipients", "emailAddress",
        "address", "name", "value", "id", "subject", "internetMessageId", "conversationId",
        "internetMessageHeaders", "singleValueExtendedProperties",
    ];

    private static Gen<string> JsonValue(int size)
    {
        var leaf = Gen.OneOf(
            Gen.Constant("null"),
            Gen.Constant("true"),
            Gen.Choose(-100, 100).Select(i => i.ToString(CultureInfo.InvariantCulture)),
            Gen.Constant("1e400"),
            Gen.Constant("\"Integer 0x0036\""),
            Text.Select(Quote));
        if (size <= 0)
        {
            return leaf;
        }

        var child = Gen.Sized(_ => JsonValue(size / 2));
        var array = Gen.Choose(0, 5)
            .SelectMany(n => child.ListOf(n))
            .Select(items => "[" + string.Join(",", items) + "]");
        var member = Gen.OneOf(Gen.Elements(GraphNames), Text)
            .SelectMany(k => child.Select(v => Quote(k) + ":" + v));
        var obj = Gen.Choose(0, 6)
            .SelectMany(n => member.ListOf(n))
            .Select(members => "{" + string.Join(",", members) + "}");
        return Gen.Frequency((2, leaf), (2, array), (4, obj));
    }

    // Everything outside printable ASCII is escaped, so lone surrogates reach the parser as \uD800.
    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is >= ' ' and < (char)127 && c is not ('"' or '\\'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        return builder.Append('"').ToString();
    }
}
