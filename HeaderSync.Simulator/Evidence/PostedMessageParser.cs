using System.Globalization;
using HeaderSync.Simulator.Generation;
using HeaderSync.Simulator.Tenant;
using MimeKit;

namespace HeaderSync.Simulator.Evidence;

/// <summary>Turns an uploaded RFC 822 message into what Graph shows of it.</summary>
internal static class PostedMessageParser
{
    public static PostedMessage Parse(
        byte[] raw, int mailbox, int index, MailFolderKind folder, DateTimeOffset now)
    {
        var mime = MimeMessage.Load(new MemoryStream(raw));
        var messageId = mime.MessageId is { Length: > 0 } id
            ? $"<{id}>"
            : string.Create(CultureInfo.InvariantCulture, $"<posted.{mailbox}.{index}@simulator.invalid>");
        var sensitivity = mime.Headers["Sensitivity"]?.Trim().ToUpperInvariant() switch
        {
            "PERSONAL" => 1,
            "PRIVATE" => 2,
            "COMPANY-CONFIDENTIAL" or "CONFIDENTIAL" => 3,
            _ => 0,
        };
        var text = mime.TextBody ?? "";
        var html = mime.HtmlBody ?? $"<html><body><pre>{System.Net.WebUtility.HtmlEncode(text)}</pre></body></html>";
        var from = Participants(mime.From).FirstOrDefault() ?? new Participant("", "unknown@simulator.invalid");

        var content = new MessageContent
        {
            InternetMessageId = messageId,
            ConversationId = MessageIds.Conversation(mailbox, index),
            ConversationIndex = Convert.ToBase64String(Guid.NewGuid().ToByteArray()),
            Subject = mime.Subject ?? "",
            From = from,
            Sender = Participants([mime.Sender]).FirstOrDefault(),
            ReplyTo = Participants(mime.ReplyTo),
            To = Participants(mime.To),
            Cc = Participants(mime.Cc),
            Bcc = Participants(mime.Bcc),
            SentAt = mime.Date == DateTimeOffset.MinValue ? now : mime.Date,
            ReceivedAt = now,
            InReplyTo = mime.InReplyTo is { Length: > 0 } reply ? $"<{reply}>" : null,
            References = mime.References.Count == 0 ? null : string.Join(' ', mime.References.Select(r => $"<{r}>")),
            Sensitivity = sensitivity,
            TextBody = text.Length > 0 ? text : html,
            HtmlBody = html,
            Attachments = [.. mime.Attachments.OfType<MimePart>().Select(Attachment)],
            Inbound = folder != MailFolderKind.SentItems,
        };
        return new PostedMessage(content, raw);
    }

    private static List<Participant> Participants(IEnumerable<InternetAddress?> addresses) =>
    [
        .. addresses.OfType<MailboxAddress>().Select(a => new Participant(a.Name ?? "", a.Address)),
    ];

    private static GeneratedAttachment Attachment(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content?.DecodeTo(stream);
        return new GeneratedAttachment(part.FileName ?? "attachment", part.ContentType.MimeType, stream.ToArray());
    }
}
