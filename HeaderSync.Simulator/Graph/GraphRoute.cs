namespace HeaderSync.Simulator.Graph;

/// <summary>A parsed Graph path: which resource, and the user, folder and message it names.</summary>
internal sealed record GraphRoute(
    GraphRouteKind Kind,
    string? User = null,
    string? Folder = null,
    string? Message = null,
    string? Attachment = null)
{
    public static GraphRoute Parse(string path)
    {
        var s = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (s.Length == 0)
        {
            return new(GraphRouteKind.Unknown);
        }

        if (Is(s[0], "$batch") && s.Length == 1)
        {
            return new(GraphRouteKind.Batch);
        }

        if (Is(s[0], "organization") && s.Length == 1)
        {
            return new(GraphRouteKind.Organization);
        }

        if (Is(s[0], "me"))
        {
            return new(GraphRouteKind.Me);
        }

        if (!Is(s[0], "users"))
        {
            return new(GraphRouteKind.Unknown);
        }

        if (s.Length == 1)
        {
            return new(GraphRouteKind.Users);
        }

        var user = s[1];
        if (s.Length == 2)
        {
            return new(GraphRouteKind.User, user);
        }

        if (Is(s[2], "mailFolders"))
        {
            if (s.Length == 3)
            {
                return new(GraphRouteKind.Folders, user);
            }

            var folder = s[3];
            if (s.Length == 4)
            {
                return new(GraphRouteKind.Folder, user, folder);
            }

            if (!Is(s[4], "messages"))
            {
                return new(GraphRouteKind.Unknown);
            }

            if (s.Length == 5)
            {
                return new(GraphRouteKind.FolderMessages, user, folder);
            }

            return IsDelta(s[5]) && s.Length == 6
                ? new(GraphRouteKind.FolderDelta, user, folder)
                : MessageRoute(user, folder, s[5..]);
        }

        if (!Is(s[2], "messages"))
        {
            return new(GraphRouteKind.Unknown);
        }

        if (s.Length == 3)
        {
            return new(GraphRouteKind.Messages, user);
        }

        return IsDelta(s[3]) && s.Length == 4
            ? new(GraphRouteKind.MailboxDelta, user)
            : MessageRoute(user, null, s[3..]);
    }

    private static GraphRoute MessageRoute(string user, string? folder, string[] rest) => rest switch
    {
        [var id] => new(GraphRouteKind.Message, user, folder, id),
        [var id, var value] when Is(value, "$value") => new(GraphRouteKind.MessageValue, user, folder, id),
        [var id, var attachments] when Is(attachments, "attachments") =>
            new(GraphRouteKind.Attachments, user, folder, id),
        [var id, var attachments, var attachment] when Is(attachments, "attachments") =>
            new(GraphRouteKind.Attachment, user, folder, id, attachment),
        _ => new(GraphRouteKind.Unknown),
    };

    private static bool IsDelta(string segment) => Is(segment, "delta") || Is(segment, "delta()")
        || Is(segment, "microsoft.graph.delta") || Is(segment, "microsoft.graph.delta()");

    private static bool Is(string segment, string literal) =>
        segment.Equals(literal, StringComparison.OrdinalIgnoreCase);
}
