namespace HeaderSync.Engine.Graph;

/// <summary>What each kind of request asks Graph for.</summary>
public static class MessageFields
{
    /// <summary>The header pass: header-level fields only, never anything holding content.</summary>
    public static readonly string[] Headers =
    [
        "id", "internetMessageId", "conversationId", "subject", "from", "sender",
        "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "receivedDateTime",
        "sentDateTime", "parentFolderId", "hasAttachments", "importance", "categories",
        "internetMessageHeaders",
    ];

    /// <summary>Standard mode reads the same fields plus the bodies in the delta round itself.</summary>
    public static readonly string[] Standard = [.. Headers, "body", "uniqueBody"];

    /// <summary>The body pass: the content of one email already decided Synced.</summary>
    public static readonly string[] Body = ["id", "body", "uniqueBody"];

    /// <summary>PR_SENSITIVITY, which Graph returns only through this expansion.</summary>
    public const string SensitivityExpand =
        "singleValueExtendedProperties($filter=id eq 'Integer 0x0036')";

    /// <summary>Fields whose presence in a request means content may come back.</summary>
    public static readonly string[] Content = ["body", "uniqueBody", "bodyPreview", "attachments"];
}
