using System.Globalization;
using HeaderSync.Simulator.Delta;
using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Graph;

/// <summary>Message lists, single messages, <c>/$value</c> and attachments.</summary>
internal static class MessageHandlers
{
    private const int DefaultPageSize = 10;
    private const int MaxPageSize = 1000;

    public static GraphResponse List(
        GraphContext ctx, MailboxState mailbox, MailFolderKind? folder, string listPath)
    {
        if (!LinkSupport.TryResolve(
                ctx, mailbox, LinkKind.MessageList, "$skiptoken", out var link, out var error))
        {
            return error!;
        }

        if (link is null)
        {
            if (!MessageQuery.TryParse(ctx.Request.QueryValue("$select"), ctx.Request.QueryValue("$expand"),
                    out var parsed, out var parseError))
            {
                return ctx.BadRequest(parseError!);
            }

            var top = Math.Clamp(ctx.Prefer.MaxPageSize ?? DefaultPageSize, 1, MaxPageSize);
            if (ctx.Request.QueryValue("$top") is { } topText
                && (!int.TryParse(topText, NumberStyles.Integer, CultureInfo.InvariantCulture, out top)
                    || top is < 1 or > MaxPageSize))
            {
                return ctx.BadRequest(
                    $"Invalid value '{topText}' for $top: it must be between 1 and {MaxPageSize}.");
            }

            link = new LinkState
            {
                Kind = LinkKind.MessageList,
                Mailbox = mailbox.Number,
                Folder = folder is null ? -1 : (int)folder,
                Select = parsed.SelectText,
                Expand = parsed.ExpandText,
                Cursor = mailbox.Count,
                PageSize = top,
            };
        }

        var query = link.ToQuery();
        ctx.Request.Record.Select = query.Select ?? [];
        if (ctx.Faults.HeaderOnlyPermission && (query.RequestsContent || query.ExpandsExtendedProperties))
        {
            return ctx.AccessDenied();
        }

        var pageSize = link.PageSize;
        var records = mailbox.Scan(
            r => link.Folder < 0 || (int)r.Folder == link.Folder, link.Cursor - 1, pageSize + 1, descending: true);
        var page = records.Take(pageSize).ToList();
        var next = records.Count > pageSize
            ? $"{ctx.Request.ServiceRoot}/{listPath}?$skiptoken={ctx.Links.Encode(link with { Cursor = page[^1].Index })}"
            : null;
        var context = $"{ctx.Request.ServiceRoot}/$metadata#users('{mailbox.User.Id}')/messages";

        var body = JsonBuffer.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", context);
            w.WriteStartArray("value");
            foreach (var record in page)
            {
                MessageJsonWriter.Write(w, ctx, mailbox, record, query);
            }

            w.WriteEndArray();
            if (next is not null)
            {
                w.WriteString("@odata.nextLink", next);
            }

            w.WriteEndObject();
        });
        return LinkSupport.WithPreferences(ctx, GraphResponse.Json(200, body));
    }

    public static GraphResponse Get(GraphContext ctx, MailboxState mailbox, MessageRecord record)
    {
        if (!MessageQuery.TryParse(ctx.Request.QueryValue("$select"), ctx.Request.QueryValue("$expand"),
                out var query, out var error))
        {
            return ctx.BadRequest(error!);
        }

        ctx.Request.Record.Select = query.Select ?? [];
        if (ctx.Faults.HeaderOnlyPermission && (query.RequestsContent || query.ExpandsExtendedProperties))
        {
            return ctx.AccessDenied();
        }

        var body = JsonBuffer.Write(w => MessageJsonWriter.Write(w, ctx, mailbox, record, query));
        return LinkSupport.WithPreferences(ctx, GraphResponse.Json(200, body));
    }

    public static GraphResponse Value(GraphContext ctx, MailboxState mailbox, MessageRecord record)
    {
        if (ctx.Faults.HeaderOnlyPermission)
        {
            return ctx.AccessDenied();
        }

        var mime = ctx.Tenant.Mime(mailbox, record);
        ctx.Request.Record.Returned(MessageIds.Immutable(mailbox.Number, record.Index), withContent: true);
        return new GraphResponse(200, "text/plain", mime);
    }

    public static GraphResponse Attachments(
        GraphContext ctx, MailboxState mailbox, MessageRecord record, string? attachmentId)
    {
        if (ctx.Faults.HeaderOnlyPermission)
        {
            return ctx.AccessDenied();
        }

        var content = ctx.Tenant.Content(mailbox, record);
        var positions = Enumerable.Range(0, content.Attachments.Count)
            .Where(i => attachmentId is null || AttachmentJsonWriter.Id(mailbox, record, i) == attachmentId)
            .ToList();
        if (attachmentId is not null && positions.Count == 0)
        {
            return ctx.NotFound("The specified object was not found in the store.");
        }

        var body = JsonBuffer.Write(w =>
        {
            if (attachmentId is not null)
            {
                AttachmentJsonWriter.Write(w, ctx, mailbox, record, content, positions[0], withContent: true);
                return;
            }

            w.WriteStartObject();
            w.WriteString("@odata.context", $"{ctx.Request.ServiceRoot}/$metadata#users('{mailbox.User.Id}')"
                + $"/messages('{ctx.MessageId(mailbox, record)}')/attachments");
            w.WriteStartArray("value");
            foreach (var position in positions)
            {
                AttachmentJsonWriter.Write(w, ctx, mailbox, record, content, position, withContent: true);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        return GraphResponse.Json(200, body);
    }
}
