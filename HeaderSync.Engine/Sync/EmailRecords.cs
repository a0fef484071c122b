using System.Text;
using System.Text.Json;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Relevance;
using BodyType = Microsoft.Graph.Models.BodyType;
using ItemBody = Microsoft.Graph.Models.ItemBody;

namespace HeaderSync.Engine.Sync;

/// <summary>Turns an email's header fields and its outcome into the rows that are stored.</summary>
public static class EmailRecords
{
    public static EmailDecision NewDecision(
        Guid mailboxId,
        string graphMessageId,
        MailFolder folder,
        DateTimeOffset receivedAt,
        HeaderFields fields,
        RelevanceOutcome outcome,
        SyncMode mode,
        long basisVersion,
        DateTimeOffset decidedAt)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(outcome);

        return new EmailDecision
        {
            MailboxId = mailboxId,
            GraphMessageId = graphMessageId,
            InternetMessageId = Truncate(fields.InternetMessageId, 998),
            ConversationId = Truncate(fields.ConversationId, 256),
            ThreadMessageIds = Truncate(ThreadIdsOf(fields), 4000),
            Folder = folder,
            Direction = folder == MailFolder.SentItems ? EmailDirection.Outbound : EmailDirection.Inbound,
            ReceivedAt = receivedAt,
            Subject = Truncate(fields.Subject, 1000),
            Decision = outcome.Decision,
            Reason = outcome.Reason,
            Trace = TraceJson(outcome.Trace),
            Mode = mode,
            DecidedAt = decidedAt,
            BasisVersion = basisVersion,
            Participants = ParticipantsOf(fields),
        };
    }

    /// <summary>
    /// Gives an email whose review fields retention cleared its participants, subject and thread
    /// ids again, from header fields read anew: a promoted email is reviewed like any synced one.
    /// </summary>
    public static void RestoreReviewFields(EmailDecision decision, HeaderFields fields)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(fields);
        decision.Subject = Truncate(fields.Subject, 1000);
        decision.ThreadMessageIds = Truncate(ThreadIdsOf(fields), 4000);
        decision.Participants.AddRange(ParticipantsOf(fields));
        decision.ReviewClearedAt = null;
    }

    /// <summary>The trace as stored and printed: <c>[{rule, result, matched}]</c>.</summary>
    public static string TraceJson(IReadOnlyList<RuleTrace> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var step in trace)
            {
                json.WriteStartObject();
                json.WriteString("rule", step.Rule.ToString());
                json.WriteString("result", step.Result.ToString());
                json.WriteString("matched", step.Matched);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The header fields of a stored decision, for re-deciding it without Graph.</summary>
    public static HeaderFields FieldsOf(EmailDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        EmailParty? Single(ParticipantRole role) =>
            decision.Participants.Where(p => p.Role == role).Select(Party).FirstOrDefault();
        List<EmailParty> All(ParticipantRole role) =>
            [.. decision.Participants.Where(p => p.Role == role).Select(Party)];

        var threadIds = decision.ThreadMessageIds?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return new HeaderFields
        {
            Folder = decision.Folder == MailFolder.SentItems ? FolderKind.Sent : FolderKind.Inbox,
            From = Single(ParticipantRole.From),
            Sender = Single(ParticipantRole.Sender),
            ReplyTo = All(ParticipantRole.ReplyTo),
            To = All(ParticipantRole.To),
            Cc = All(ParticipantRole.Cc),
            Bcc = All(ParticipantRole.Bcc),
            Subject = decision.Subject,
            InternetMessageId = decision.InternetMessageId,
            ConversationId = decision.ConversationId,
            References = threadIds,
        };
    }

    /// <summary>Stores Graph's body as HTML or text, whichever it came as.</summary>
    public static void SetBody(EmailContent content, ItemBody body)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(body);
        if (body.ContentType == BodyType.Html)
        {
            content.BodyHtml = body.Content;
        }
        else
        {
            content.BodyText = body.Content;
        }
    }

    public static string? HeaderBlock(HeaderFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.InternetMessageHeaders is not { Count: > 0 } headers)
        {
            return null;
        }

        var block = new StringBuilder();
        foreach (var header in headers)
        {
            block.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
        }

        return block.ToString();
    }

    private static List<EmailParticipant> ParticipantsOf(HeaderFields fields)
    {
        var participants = new List<EmailParticipant>();
        void Add(ParticipantRole role, EmailParty? party)
        {
            if (EmailAddresses.Normalize(party?.Address) is not { } address)
            {
                return;
            }

            var at = address.LastIndexOf('@');
            participants.Add(new EmailParticipant
            {
                Role = role,
                Address = Truncate(address, 320)!,
                Domain = Truncate(at >= 0 ? address[(at + 1)..] : "", 253)!,
                DisplayName = Truncate(party!.Name, 300),
            });
        }

        Add(ParticipantRole.From, fields.From);
        Add(ParticipantRole.Sender, fields.Sender);
        foreach (var party in fields.ReplyTo) { Add(ParticipantRole.ReplyTo, party); }
        foreach (var party in fields.To) { Add(ParticipantRole.To, party); }
        foreach (var party in fields.Cc) { Add(ParticipantRole.Cc, party); }

        // Bcc is known, and a participant, only on sent mail.
        if (fields.Folder == FolderKind.Sent)
        {
            foreach (var party in fields.Bcc) { Add(ParticipantRole.Bcc, party); }
        }

        return participants;
    }

    private static string? ThreadIdsOf(HeaderFields fields)
    {
        if (fields.InReplyTo is null && fields.References.Count == 0)
        {
            return null;
        }

        var ids = new List<string>(fields.References.Count + 1);
        if (fields.InReplyTo is { } inReplyTo)
        {
            ids.Add(inReplyTo);
        }

        ids.AddRange(fields.References);
        return string.Join(' ', ids.Distinct(StringComparer.Ordinal));
    }

    private static EmailParty Party(EmailParticipant participant) =>
        new(participant.Address, participant.DisplayName);

    private static string? Truncate(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..length];
}
