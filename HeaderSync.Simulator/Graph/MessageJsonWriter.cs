using System.Globalization;
using System.Text.Json;
using HeaderSync.Simulator.Faults;
using HeaderSync.Simulator.Generation;
using HeaderSync.Simulator.Tenant;
using MimeKit;

namespace HeaderSync.Simulator.Graph;

/// <summary>Writes a message as Graph v1.0 does, honouring <c>$select</c> and <c>$expand</c>.</summary>
internal static class MessageJsonWriter
{
    private const string DateFormat = "yyyy-MM-ddTHH:mm:ssZ";
    private static readonly string[] AddressHeaders = ["From", "Sender", "Reply-To", "To", "Cc"];

    /// <summary>Writes the message and records in the request log what was returned.</summary>
    public static void Write(
        Utf8JsonWriter w, GraphContext ctx, MailboxState mailbox, MessageRecord record, MessageQuery query)
    {
        var content = ctx.Tenant.Content(mailbox, record);
        var changeKey = "CQAAABYAAAD" + record.Version.ToString("x6", CultureInfo.InvariantCulture);
        var bodyType = ctx.Prefer.BodyContentType ?? "html";

        w.WriteStartObject();
        w.WriteString("@odata.etag", $"W/\"{changeKey}\"");
        w.WriteString("id", ctx.MessageId(mailbox, record));
        Optional(query, "createdDateTime", () => w.WriteString("createdDateTime", Date(content.ReceivedAt)));
        Optional(query, "lastModifiedDateTime", () => w.WriteString("lastModifiedDateTime",
            Date(DateTimeOffset.FromUnixTimeSeconds(record.LastModifiedUnixSeconds))));
        Optional(query, "changeKey", () => w.WriteString("changeKey", changeKey));
        Optional(query, "categories", () => Strings(w, "categories", content.Categories));
        Optional(query, "receivedDateTime", () => w.WriteString("receivedDateTime", Date(content.ReceivedAt)));
        Optional(query, "sentDateTime", () => w.WriteString("sentDateTime", Date(content.SentAt)));
        Optional(query, "hasAttachments", () => w.WriteBoolean("hasAttachments", content.Attachments.Count > 0));
        Optional(query, "internetMessageId", () => w.WriteString("internetMessageId", content.InternetMessageId));
        Optional(query, "subject", () => w.WriteString("subject", content.Subject));
        Optional(query, "bodyPreview", () => w.WriteString("bodyPreview", Preview(content.TextBody)));
        Optional(query, "importance", () => w.WriteString("importance", content.Importance));
        Optional(query, "parentFolderId", () => w.WriteString("parentFolderId", MailFolders.Id(mailbox.Number, record.Folder)));
        Optional(query, "conversationId", () => w.WriteString("conversationId", content.ConversationId));
        Optional(query, "conversationIndex", () => w.WriteString("conversationIndex", content.ConversationIndex));
        Optional(query, "isDeliveryReceiptRequested", () => w.WriteBoolean("isDeliveryReceiptRequested", false));
        Optional(query, "isReadReceiptRequested", () => w.WriteBoolean("isReadReceiptRequested", false));
        Optional(query, "isRead", () => w.WriteBoolean("isRead", record.IsRead));
        Optional(query, "isDraft", () => w.WriteBoolean("isDraft", record.Folder == MailFolderKind.Drafts));
        Optional(query, "webLink", () => w.WriteString("webLink",
            "https://outlook.office365.com/owa/?ItemID=" + Uri.EscapeDataString(ctx.MessageId(mailbox, record))
            + "&exvsurl=1&viewmodel=ReadMessageItem"));
        Optional(query, "inferenceClassification", () => w.WriteString("inferenceClassification", "focused"));
        Optional(query, "body", () => Body(w, "body", content, bodyType));
        Optional(query, "sender", () => Recipient(w, "sender", content.Sender ?? content.From));
        Optional(query, "from", () => Recipient(w, "from", content.From));
        Optional(query, "toRecipients", () => Recipients(w, "toRecipients", content.To));
        Optional(query, "ccRecipients", () => Recipients(w, "ccRecipients", content.Cc));
        Optional(query, "bccRecipients", () => Recipients(w, "bccRecipients", content.Bcc));
        Optional(query, "replyTo", () => Recipients(w, "replyTo", content.ReplyTo));
        Optional(query, "uniqueBody", () => Body(w, "uniqueBody", content, bodyType));
        Optional(query, "flag", () =>
        {
            w.WriteStartObject("flag");
            w.WriteString("flagStatus", "notFlagged");
            w.WriteEndObject();
        });

        if (query.Includes("internetMessageHeaders") && HeadersVisible(ctx.Faults, record))
        {
            var dropAddresses = AddressHeadersMissing(ctx, mailbox, record);
            Headers(w, record, content, dropAddresses);
        }

        if (query.ExpandsExtendedProperties)
        {
            w.WriteStartArray("singleValueExtendedProperties");
            if (query.ExpandSensitivity)
            {
                ExtendedProperty(w, "Integer 0x36", content.Sensitivity);
            }

            if (query.ExpandSize)
            {
                ExtendedProperty(w, "Integer 0xe08", ApproximateSize(content));
            }

            w.WriteEndArray();
        }

        if (query.ExpandAttachments)
        {
            w.WriteStartArray("attachments");
            for (var i = 0; i < content.Attachments.Count; i++)
            {
                AttachmentJsonWriter.Write(w, ctx, mailbox, record, content, i, withContent: true);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        ctx.Request.Record.Returned(MessageIds.Immutable(mailbox.Number, record.Index), query.RequestsContent);
    }

    /// <summary>The sparse shape later delta rounds use for some updated items.</summary>
    public static void WriteSparse(Utf8JsonWriter w, GraphContext ctx, MailboxState mailbox, MessageRecord record)
    {
        w.WriteStartObject();
        w.WriteString("id", ctx.MessageId(mailbox, record));
        w.WriteBoolean("isRead", record.IsRead);
        w.WriteString("parentFolderId", MailFolders.Id(mailbox.Number, record.Folder));
        w.WriteEndObject();
        ctx.Request.Record.Returned(MessageIds.Immutable(mailbox.Number, record.Index), false);
    }

    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static bool HeadersVisible(FaultOptions faults, MessageRecord record) =>
        record.Folder != MailFolderKind.SentItems || faults.SentItemHeaders switch
        {
            SentItemHeadersMode.Always => true,
            SentItemHeadersMode.Sometimes => record.Index % 2 == 0,
            _ => false,
        };

    // Decided per message rather than per request, so a re-read shows the same gap.
    private static bool AddressHeadersMissing(GraphContext ctx, MailboxState mailbox, MessageRecord record) =>
        ctx.Faults.HeaderAddressesMissingRate > 0
        && new SeededRandom(ctx.Tenant.Options.Seed, 6, mailbox.Number, record.Index).NextDouble()
            < ctx.Faults.HeaderAddressesMissingRate;

    private static void Headers(
        Utf8JsonWriter w, MessageRecord record, MessageContent content, bool dropAddresses)
    {
        var mime = record.Posted is { } posted
            ? MimeMessage.Load(new MemoryStream(posted.Mime))
            : MimeFactory.Create(content);
        w.WriteStartArray("internetMessageHeaders");
        foreach (var header in MimeFactory.Headers(mime))
        {
            if (dropAddresses && AddressHeaders.Contains(header.Key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            w.WriteStartObject();
            w.WriteString("name", header.Key);
            w.WriteString("value", header.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void ExtendedProperty(Utf8JsonWriter w, string id, int value)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("value", value.ToString(CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    // Serialising MIME for every listed message would be slow; headers, bodies and base64
    // attachments dominate the real size, which is all a client can use it for.
    private static int ApproximateSize(MessageContent content) =>
        2048 + (content.TextBody.Length * 2) + (content.HtmlBody.Length * 2)
        + content.Attachments.Sum(a => a.Content.Length * 4 / 3);

    private static void Optional(MessageQuery query, string property, Action write)
    {
        if (query.Includes(property))
        {
            write();
        }
    }

    private static void Body(Utf8JsonWriter w, string name, MessageContent content, string type)
    {
        w.WriteStartObject(name);
        w.WriteString("contentType", type);
        w.WriteString("content", type == "text" ? content.TextBody : content.HtmlBody);
        w.WriteEndObject();
    }

    private static string Preview(string text)
    {
        var collapsed = string.Join(' ', text.Split((char[])['\r', '\n', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= 255 ? collapsed : collapsed[..255];
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void Recipient(Utf8JsonWriter w, string name, Participant participant)
    {
        w.WritePropertyName(name);
        EmailAddress(w, participant);
    }

    private static void Recipients(Utf8JsonWriter w, string name, IReadOnlyList<Participant> participants)
    {
        w.WriteStartArray(name);
        foreach (var participant in participants)
        {
            EmailAddress(w, participant);
        }

        w.WriteEndArray();
    }

    private static void EmailAddress(Utf8JsonWriter w, Participant participant)
    {
        w.WriteStartObject();
        w.WriteStartObject("emailAddress");
        w.WriteString("name", participant.Name);
        w.WriteString("address", participant.Address);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
