using System.Globalization;
using System.Text;
using HeaderSync.Simulator.Tenant;
using MimeKit;

namespace HeaderSync.Simulator.Generation;

/// <summary>Builds the RFC 5322 message Graph's <c>/$value</c> serves, headers included.</summary>
internal static class MimeFactory
{
    public static MimeMessage Create(MessageContent content)
    {
        var message = new MimeMessage();
        var date = content.ReceivedAt.ToString("r", CultureInfo.InvariantCulture);
        message.From.Add(Mailbox(content.From));
        if (content.Sender is not null)
        {
            message.Sender = Mailbox(content.Sender);
        }

        message.ReplyTo.AddRange(content.ReplyTo.Select(Mailbox));
        message.To.AddRange(content.To.Select(Mailbox));
        message.Cc.AddRange(content.Cc.Select(Mailbox));
        message.Bcc.AddRange(content.Bcc.Select(Mailbox));
        message.Subject = content.Subject;
        message.Date = content.SentAt;
        message.MessageId = content.InternetMessageId.Trim('<', '>');
        if (content.InReplyTo is not null)
        {
            message.InReplyTo = content.InReplyTo.Trim('<', '>');
        }

        foreach (var reference in (content.References ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            message.References.Add(reference.Trim('<', '>'));
        }

        message.Headers.Add("Thread-Topic", content.Subject.StartsWith("RE: ", StringComparison.Ordinal)
            ? content.Subject[4..]
            : content.Subject);
        message.Headers.Add("Thread-Index", content.ConversationIndex);
        foreach (var header in content.ExtraHeaders)
        {
            message.Headers.Add(header.Key, header.Value);
        }

        if (content.Importance == "high")
        {
            message.Importance = MessageImportance.High;
        }

        message.Headers.Add("Content-Language", "en-US");
        message.Headers.Add("X-MS-Has-Attach", content.Attachments.Count > 0 ? "yes" : "");
        if (content.Inbound)
        {
            message.Headers.Add("X-MS-Exchange-Organization-SCL", "1");
            message.Headers.Add(Raw("X-Microsoft-Antispam", $"BCL:{content.Bcl};"));
            message.Headers.Add(Raw("X-Forefront-Antispam-Report",
                "CIP:203.0.113.25;CTRY:;LANG:en;SCL:1;SRV:;IPV:NLI;SFV:NSPM;PTR:;CAT:NONE;SFS:;DIR:INB;"));
        }

        message.Body = Body(content);
        if (content.Inbound)
        {
            // Trace headers come first, newest hop on top, as Exchange Online stamps them.
            message.Headers.Insert(0, Raw("Received",
                "from AM6PR04MB5541.eurprd04.prod.outlook.com (2603:10a6:20b:e2::16) by "
                + "DM6PR11MB4321.namprd11.prod.outlook.com with HTTPS; " + date));
            message.Headers.Insert(1, Raw("Received",
                $"from mail.{content.From.Domain} (203.0.113.25) by "
                + "AM6PR04MB5541.eurprd04.prod.outlook.com (10.167.8.41) with Microsoft SMTP Server "
                + "(version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7918.24; " + date));
            message.Headers.Insert(2, Raw("Authentication-Results",
                $"spf=pass (sender IP is 203.0.113.25) smtp.mailfrom={content.From.Domain}; dkim=pass"));
        }

        return message;
    }

    public static byte[] ToBytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(options, stream);
        return stream.ToArray();
    }

    /// <summary>Top-level headers as Graph's internetMessageHeaders: raw values, unfolded.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Headers(MimeMessage message)
    {
        // MimeKit keeps the top-level Content-* headers on the body; on the wire they are the
        // message's own, and clients read Content-Type (multipart/report) from them.
        var hasVersion = false;
        foreach (var header in message.Headers)
        {
            hasVersion |= header.Id == HeaderId.MimeVersion;
            yield return new(header.Field, Unfold(header));
        }

        if (!hasVersion)
        {
            yield return new("MIME-Version", "1.0");
        }

        foreach (var header in message.Body?.Headers ?? [])
        {
            yield return new(header.Field, Unfold(header));
        }
    }

    private static string Unfold(Header header) =>
        Encoding.UTF8.GetString(header.RawValue)
            .Replace("\r\n\t", " ", StringComparison.Ordinal)
            .Replace("\r\n", "", StringComparison.Ordinal)
            .Replace("\n", "", StringComparison.Ordinal)
            .Trim();

    /// <summary>A header written as given: MimeKit would fold or encode long unspaced values.</summary>
    private static Header Raw(string name, string value)
    {
        var header = new Header(name, "");
        header.SetRawValue(Encoding.UTF8.GetBytes(" " + value + "\r\n"));
        return header;
    }

    // MimeKit draws boundaries at random; a message must serialise the same way every time.
    private static string Boundary(MessageContent content, string part)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(content.InternetMessageId));
        return $"_000_{part}{Convert.ToHexString(hash.AsSpan(0, 12))}_";
    }

    private static MailboxAddress Mailbox(Participant participant) =>
        new(participant.Name, participant.Address);

    private static MimeEntity Body(MessageContent content)
    {
        // Exchange sends 8-bit text as quoted-printable.
        var text = new TextPart("plain")
        {
            Text = content.TextBody,
            ContentTransferEncoding = ContentEncoding.QuotedPrintable,
        };
        text.ContentType.Charset = "utf-8";

        if (content.ReportType is not null)
        {
            var report = new MultipartReport(content.ReportType) { text };
            report.Boundary = Boundary(content, "r");
            var status = content.ReportType == "delivery-status"
                ? "Reporting-MTA: dns; mx1.example\r\n\r\nFinal-Recipient: rfc822; unknown@example\r\n"
                  + "Action: failed\r\nStatus: 5.1.1\r\n"
                : "Reporting-UA: mail.example\r\nFinal-Recipient: rfc822; reader@example\r\n"
                  + "Disposition: manual-action/MDN-sent-manually; displayed\r\n";
            report.Add(new MimePart("message", content.ReportType)
            {
                Content = new MimeContent(new MemoryStream(Encoding.ASCII.GetBytes(status))),
            });
            return report;
        }

        var html = new TextPart("html")
        {
            Text = content.HtmlBody,
            ContentTransferEncoding = ContentEncoding.QuotedPrintable,
        };
        html.ContentType.Charset = "utf-8";
        var alternative = new MultipartAlternative { text, html };
        alternative.Boundary = Boundary(content, "a");
        if (content.Attachments.Count == 0)
        {
            return alternative;
        }

        var mixed = new Multipart("mixed") { alternative };
        mixed.Boundary = Boundary(content, "m");
        foreach (var attachment in content.Attachments)
        {
            mixed.Add(new MimePart(attachment.ContentType)
            {
                Content = new MimeContent(new MemoryStream(attachment.Content)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = attachment.Name,
            });
        }

        return mixed;
    }
}
