namespace HeaderSync.Engine.Relevance;

/// <summary>The header-level fields of one email: everything relevance may look at.</summary>
public sealed record HeaderFields
{
    public FolderKind Folder { get; init; }

    public EmailParty? From { get; init; }

    public EmailParty? Sender { get; init; }

    public IReadOnlyList<EmailParty> ReplyTo { get; init; } = [];

    public IReadOnlyList<EmailParty> To { get; init; } = [];

    public IReadOnlyList<EmailParty> Cc { get; init; } = [];

    public IReadOnlyList<EmailParty> Bcc { get; init; } = [];

    public string? Subject { get; init; }

    /// <summary>The Message-ID in its bracketed form, as Graph's internetMessageId gives it.</summary>
    public string? InternetMessageId { get; init; }

    public string? ConversationId { get; init; }

    /// <summary>Null when the source carried no headers at all (Graph's sent items).</summary>
    public IReadOnlyList<EmailHeader>? InternetMessageHeaders { get; init; }

    /// <summary>MAPI PR_SENSITIVITY (Integer 0x0036): 0 normal, 1 personal, 2 private, 3 confidential.</summary>
    public int? SensitivityProperty { get; init; }

    /// <summary>The In-Reply-To message id in bracketed form.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>The References message ids in bracketed form, oldest first.</summary>
    public IReadOnlyList<string> References { get; init; } = [];
}
