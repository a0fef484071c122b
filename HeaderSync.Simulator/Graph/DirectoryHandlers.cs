using System.Text.Json;
using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Graph;

/// <summary><c>/organization</c> and <c>/mailFolders</c>.</summary>
internal static class DirectoryHandlers
{
    public static GraphResponse Organization(GraphContext ctx)
    {
        var directory = ctx.Tenant.Directory;
        var body = JsonBuffer.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", ctx.Request.ServiceRoot + "/$metadata#organization");
            w.WriteStartArray("value");
            w.WriteStartObject();
            w.WriteString("id", directory.TenantId);
            w.WriteString("displayName", directory.DisplayName);
            w.WriteString("tenantType", "AAD");
            w.WriteStartArray("verifiedDomains");
            foreach (var domain in directory.Domains)
            {
                w.WriteStartObject();
                w.WriteString("capabilities", "Email, OfficeCommunicationsOnline");
                w.WriteBoolean("isDefault", domain.IsDefault);
                w.WriteBoolean("isInitial", domain.IsInitial);
                w.WriteString("name", domain.Name);
                w.WriteString("type", "Managed");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
        return GraphResponse.Json(200, body);
    }

    public static GraphResponse Folders(GraphContext ctx, MailboxState mailbox)
    {
        var counts = CountByFolder(mailbox);
        var body = JsonBuffer.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context",
                $"{ctx.Request.ServiceRoot}/$metadata#users('{mailbox.User.Id}')/mailFolders");
            w.WriteStartArray("value");
            foreach (var kind in MailFolders.All)
            {
                WriteFolder(w, mailbox, kind, counts);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        return GraphResponse.Json(200, body);
    }

    public static GraphResponse Folder(MailboxState mailbox, MailFolderKind kind)
    {
        var counts = CountByFolder(mailbox);
        return GraphResponse.Json(200, JsonBuffer.Write(w => WriteFolder(w, mailbox, kind, counts)));
    }

    private static Dictionary<MailFolderKind, (int Total, int Unread)> CountByFolder(MailboxState mailbox)
    {
        var counts = MailFolders.All.ToDictionary(k => k, _ => (Total: 0, Unread: 0));
        foreach (var record in mailbox.Scan(_ => true, 0, int.MaxValue))
        {
            var (total, unread) = counts[record.Folder];
            counts[record.Folder] = (total + 1, unread + (record.IsRead ? 0 : 1));
        }

        return counts;
    }

    private static void WriteFolder(
        Utf8JsonWriter w, MailboxState mailbox, MailFolderKind kind,
        Dictionary<MailFolderKind, (int Total, int Unread)> counts)
    {
        w.WriteStartObject();
        w.WriteString("id", MailFolders.Id(mailbox.Number, kind));
        w.WriteString("displayName", MailFolders.DisplayName(kind));
        w.WriteString("parentFolderId", "AAMkAFroot" + mailbox.Number);
        w.WriteNumber("childFolderCount", 0);
        w.WriteNumber("unreadItemCount", counts[kind].Unread);
        w.WriteNumber("totalItemCount", counts[kind].Total);
        w.WriteBoolean("isHidden", false);
        w.WriteString("wellKnownName", MailFolders.WellKnownName(kind));
        w.WriteEndObject();
    }
}
