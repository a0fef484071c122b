namespace HeaderSync.Simulator.Tenant;

/// <summary>Well-known names, display names and ids of the mail folders.</summary>
internal static class MailFolders
{
    public static readonly MailFolderKind[] All = Enum.GetValues<MailFolderKind>();

    public static string WellKnownName(MailFolderKind kind) => kind switch
    {
        MailFolderKind.Inbox => "inbox",
        MailFolderKind.SentItems => "sentitems",
        MailFolderKind.Drafts => "drafts",
        MailFolderKind.DeletedItems => "deleteditems",
        MailFolderKind.Archive => "archive",
        MailFolderKind.JunkEmail => "junkemail",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string DisplayName(MailFolderKind kind) => kind switch
    {
        MailFolderKind.Inbox => "Inbox",
        MailFolderKind.SentItems => "Sent Items",
        MailFolderKind.Drafts => "Drafts",
        MailFolderKind.DeletedItems => "Deleted Items",
        MailFolderKind.Archive => "Archive",
        MailFolderKind.JunkEmail => "Junk Email",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Folder ids are opaque strings that differ per mailbox, as on a real tenant.</summary>
    public static string Id(int mailbox, MailFolderKind kind) =>
        "AAMkAF" + MessageIds.Encode([0x46, (byte)mailbox, (byte)(mailbox >> 8), (byte)kind]);

    public static bool TryParse(int mailbox, string idOrName, out MailFolderKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(idOrName, WellKnownName(candidate), StringComparison.OrdinalIgnoreCase)
                || string.Equals(idOrName, Id(mailbox, candidate), StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
