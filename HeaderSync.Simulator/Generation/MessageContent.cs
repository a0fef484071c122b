using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Generation;

/// <summary>A message rendered from its plan: everything Graph and MIME show of it.</summary>
internal sealed record MessageContent
{
    public required string InternetMessageId { get; init; }

    public required string ConversationId { get; init; }

    public required string ConversationIndex { get; init; }

    public required string Subject { get; init; }

    public required Participant From { get; init; }

    public Participant? Sender { get; init; }

    public IReadOnlyList<Participant> ReplyTo { get; init; } = [];

    public IReadOnlyList<Participant> To { get; init; } = [];

    public IReadOnlyList<Participant> Cc { get; init; } = [];

    public IReadOnlyList<Participant> Bcc { get; init; } = [];

    public required DateTimeOffset SentAt { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public string? InReplyTo { get; init; }

    public string? References { get; init; }

    /// <summary>Scenario-specific top-level headers (Sensitivity, List-Id, Auto-Submitted...).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtraHeaders { get; init; } = [];

    /// <summary>PR_SENSITIVITY (0x0036): 0 normal, 1 personal, 2 private, 3 confidential.</summary>
    public int Sensitivity { get; init; }

    public int Bcl { get; init; }

    /// <summary><c>delivery-status</c> or <c>disposition-notification</c> for multipart/report.</summary>
    public string? ReportType { get; init; }

    public string Importance { get; init; } = "normal";

    public required string TextBody { get; init; }

    public required string HtmlBody { get; init; }

    public IReadOnlyList<GeneratedAttachment> Attachments { get; init; } = [];

    public bool IsReadInitially { get; init; }

    public bool Inbound { get; init; } = true;

    public IReadOnlyList<string> Categories { get; init; } = [];
}
