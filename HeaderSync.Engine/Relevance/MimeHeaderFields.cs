using MimeKit;

namespace HeaderSync.Engine.Relevance;

/// <summary>
/// Header fields from MIME: a parsed message or just its header block (an `.eml` file, whole or
/// headers only). MimeKit unfolds values and decodes encoded words and address lists.
/// Known limitation: of a From with several authors (RFC 5322 allows it) only the first takes
/// part, as Graph's single `from` would have it.
/// </summary>
public static class MimeHeaderFields
{
    /// <summary>
    /// Reads only the header block of a stream; the body, if any, is never parsed. Bytes that hold
    /// no header block at all give an email without fields, which decides as `NoProspect`.
    /// </summary>
    public static async Task<HeaderFields> LoadAsync(
        Stream stream, FolderKind folder, CancellationToken cancellationToken)
    {
        HeaderList headers;
        try
        {
            headers = await HeaderList.LoadAsync(ParserOptions.Default, stream, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (FormatException)
        {
            return new HeaderFields { Folder = folder, InternetMessageHeaders = [] };
        }

        return FromHeaders(headers, folder);
    }

    public static HeaderFields FromMessage(MimeMessage message, FolderKind folder)
    {
        ArgumentNullException.ThrowIfNull(message);

        // MimeKit moves the top-level Content-* headers to the body; the rules need them back.
        var headers = new List<EmailHeader>(message.Headers.Count + (message.Body?.Headers.Count ?? 0));
        AddHeaders(headers, message.Headers);
        if (message.Body is not null)
        {
            AddHeaders(headers, message.Body.Headers);
        }

        return new HeaderFields
        {
            Folder = folder,
            From = First(message.From),
            Sender = message.Sender is { } sender ? new EmailParty(sender.Address, sender.Name) : null,
            ReplyTo = Parties(message.ReplyTo),
            To = Parties(message.To),
            Cc = Parties(message.Cc),
            Bcc = Parties(message.Bcc),
            Subject = message.Subject,
            InternetMessageId = MessageIds.Normalize(message.MessageId),
            InternetMessageHeaders = headers,
            InReplyTo = MessageIds.Normalize(message.InReplyTo),
            References = NormalizeAll(message.References),
        };
    }

    public static HeaderFields FromHeaders(HeaderList headers, FolderKind folder)
    {
        ArgumentNullException.ThrowIfNull(headers);

        var list = new List<EmailHeader>(headers.Count);
        AddHeaders(list, headers);
        var fields = new HeaderFields
        {
            Folder = folder,
            From = Addresses(headers, HeaderId.From) is [var author, ..] ? author : null,
            Sender = Addresses(headers, HeaderId.Sender) is [var sender, ..] ? sender : null,
            ReplyTo = Addresses(headers, HeaderId.ReplyTo),
            To = Addresses(headers, HeaderId.To),
            Cc = Addresses(headers, HeaderId.Cc),
            Bcc = Addresses(headers, HeaderId.Bcc),
            Subject = headers[HeaderId.Subject],
            InternetMessageId = MessageIds.Normalize(FirstId(headers[HeaderId.MessageId])),
            InternetMessageHeaders = list,
        };
        return FieldReader.WithThreadHeaders(fields);
    }

    private static void AddHeaders(List<EmailHeader> target, HeaderList headers)
    {
        foreach (var header in headers)
        {
            target.Add(new EmailHeader(header.Field, header.Value ?? string.Empty));
        }
    }

    // Every header of that kind, groups flattened; a header MimeKit cannot parse is split on
    // commas so that a broken To line still names its addresses for the exclusion rule.
    private static List<EmailParty> Addresses(HeaderList headers, HeaderId id)
    {
        var parties = new List<EmailParty>();
        foreach (var header in headers)
        {
            if (header.Id != id)
            {
                continue;
            }

            if (InternetAddressList.TryParse(ParserOptions.Default, header.RawValue, out var parsed))
            {
                parties.AddRange(Parties(parsed));
                continue;
            }

            var pieces = (header.Value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
            foreach (var piece in pieces)
            {
                if (piece.Contains('@', StringComparison.Ordinal))
                {
                    parties.Add(new EmailParty(piece));
                }
            }
        }

        return parties;
    }

    private static EmailParty? First(InternetAddressList addresses)
    {
        foreach (var mailbox in addresses.Mailboxes)
        {
            return new EmailParty(mailbox.Address, mailbox.Name);
        }

        return null;
    }

    private static List<EmailParty> Parties(InternetAddressList addresses)
    {
        var parties = new List<EmailParty>(addresses.Count);
        foreach (var mailbox in addresses.Mailboxes)
        {
            parties.Add(new EmailParty(mailbox.Address, mailbox.Name));
        }

        return parties;
    }

    private static string? FirstId(string? value)
    {
        var ids = MessageIds.ParseList(value);
        return ids.Count > 0 ? ids[0] : value;
    }

    private static List<string> NormalizeAll(IEnumerable<string> ids)
    {
        var result = new List<string>();
        foreach (var id in ids)
        {
            if (MessageIds.Normalize(id) is { } normalized)
            {
                result.Add(normalized);
            }
        }

        return result;
    }
}
