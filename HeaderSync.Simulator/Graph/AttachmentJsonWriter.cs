using System.Text.Json;
using HeaderSync.Simulator.Generation;
using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Graph;

/// <summary>Writes a fileAttachment; its bytes count as content in the request log.</summary>
internal static class AttachmentJsonWriter
{
    public static string Id(MailboxState mailbox, MessageRecord record, int position) =>
        "AAMkAGAtt" + MessageIds.Encode(
        [
            (byte)mailbox.Number, (byte)(mailbox.Number >> 8),
            (byte)record.Index, (byte)(record.Index >> 8),
            (byte)(record.Index >> 16), (byte)(record.Index >> 24),
            (byte)position,
        ]);

    public static void Write(
        Utf8JsonWriter w, GraphContext ctx, MailboxState mailbox, MessageRecord record,
        MessageContent content, int position, bool withContent)
    {
        var attachment = content.Attachments[position];
        w.WriteStartObject();
        w.WriteString("@odata.type", "#microsoft.graph.fileAttachment");
        w.WriteString("@odata.mediaContentType", attachment.ContentType);
        w.WriteString("id", Id(mailbox, record, position));
        w.WriteString("lastModifiedDateTime", MessageJsonWriter.Date(content.ReceivedAt));
        w.WriteString("name", attachment.Name);
        w.WriteString("contentType", attachment.ContentType);
        w.WriteNumber("size", attachment.Content.Length);
        w.WriteBoolean("isInline", false);
        w.WriteNull("contentId");
        w.WriteNull("contentLocation");
        if (withContent)
        {
            w.WriteBase64String("contentBytes", attachment.Content);
        }

        w.WriteEndObject();
        ctx.Request.Record.Returned(MessageIds.Immutable(mailbox.Number, record.Index), withContent);
    }
}
