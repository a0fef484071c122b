using System.Globalization;
using System.Net;
using System.Text;
using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Generation;

/// <summary>The mutable parts of a message while a scenario fills them in.</summary>
internal sealed class MessageDraft(SeededRandom rng, Participant mailboxOwner)
{
    private readonly List<KeyValuePair<string, string>> _headers = [];
    private readonly Participant _owner = mailboxOwner;
    private MessageContent? _parent;
    private bool _inbound = true;

    public SeededRandom Rng { get; } = rng;

    public string Topic { get; } = rng.Pick(NamePools.Topics);

    public Participant From { get; private set; } = mailboxOwner;

    public List<Participant> To { get; } = [];

    public List<Participant> Cc { get; } = [];

    public List<Participant> Bcc { get; } = [];

    public string? Subject { get; set; }

    public int Bcl { get; set; }

    public int SensitivityValue { get; set; }

    public string? ReportType { get; set; }

    public bool HasAttachment { get; set; }

    public void Inbound(Participant from)
    {
        From = from;
        To.Add(_owner);
        _inbound = true;
    }

    public void Outbound(Participant to)
    {
        From = _owner;
        To.Add(to);
        _inbound = false;
    }

    public void Header(string name, string value) => _headers.Add(new(name, value));

    public void Sensitivity(string header, int value)
    {
        Header("Sensitivity", header);
        SensitivityValue = value;
    }

    public void ReplyTo(MessageContent parent) => _parent = parent;

    public MessageContent Build(int mailbox, MessagePlan plan, MessageContent? parent, string? marker)
    {
        var received = DateTimeOffset.FromUnixTimeSeconds(plan.ReceivedAtUnixSeconds);
        var subject = _parent is null
            ? Subject ?? char.ToUpperInvariant(Topic[0]) + Topic[1..]
            : "RE: " + _parent.Subject;
        var messageId = _inbound
            ? $"<{Rng.NextHex(16)}.{mailbox}.{plan.Index}@{From.Domain.ToLowerInvariant()}>"
            : $"<DM6PR11MB{Rng.NextHex(8).ToUpperInvariant()}{mailbox:x2}{plan.Index:x6}"
              + "@DM6PR11MB4321.namprd11.prod.outlook.com>";
        var references = parent is null
            ? null
            : string.Join(' ', new[] { parent.References, parent.InternetMessageId }.Where(r => r is not null));
        var rootIndex = parent is null ? plan.Index : plan.Parent;
        var text = TextBody(marker);

        return new MessageContent
        {
            InternetMessageId = messageId,
            ConversationId = parent?.ConversationId ?? MessageIds.Conversation(mailbox, rootIndex),
            ConversationIndex = ConversationIndex(mailbox, rootIndex, parent is not null),
            Subject = subject,
            From = From,
            To = [.. To],
            Cc = [.. Cc],
            Bcc = [.. Bcc],
            SentAt = received.AddSeconds(_inbound ? -Rng.Next(5, 600) : 0),
            ReceivedAt = received,
            InReplyTo = parent?.InternetMessageId,
            References = references,
            ExtraHeaders = [.. _headers],
            Sensitivity = SensitivityValue,
            Bcl = Bcl,
            ReportType = ReportType,
            Importance = Rng.Chance(0.05) ? "high" : "normal",
            TextBody = text,
            HtmlBody = HtmlBody(text),
            Attachments = HasAttachment ? [Attachment()] : [],
            IsReadInitially = !_inbound || Rng.Chance(0.7),
            Inbound = _inbound,
        };
    }

    private string TextBody(string? marker)
    {
        var greeting = To.Count > 0 ? To[0].Name.Split(' ')[0] : "there";
        var builder = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Hi {greeting},\n\n")
            .Append(CultureInfo.InvariantCulture, $"Following up on {Topic}. ")
            .Append(Rng.Pick(Sentences)).Append("\n\n");
        if (marker is not null)
        {
            builder.Append("Reference: ").Append(marker).Append("\n\n");
        }

        if (_parent is not null)
        {
            builder.Append("> ").Append(_parent.TextBody.Split('\n')[0]).Append('\n');
        }

        return builder.Append("Best regards,\n").Append(From.Name).Append('\n').ToString();
    }

    private static string HtmlBody(string text)
    {
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => "<p>" + WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>");
        return "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head>"
            + "<body><div style=\"font-family:Calibri,sans-serif\">" + string.Concat(paragraphs)
            + "</div></body></html>";
    }

    private GeneratedAttachment Attachment()
    {
        var size = Rng.Next(2_000, 12_000);
        var bytes = new byte[size];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        for (var i = 9; i < size; i++)
        {
            bytes[i] = (byte)(32 + Rng.Next(95));
        }

        var name = AsciiFold.Fold(Topic.Replace(' ', '-')) + ".pdf";
        return new GeneratedAttachment(name, "application/pdf", bytes);
    }

    private string ConversationIndex(int mailbox, int rootIndex, bool reply)
    {
        var root = new SeededRandom(mailbox, rootIndex, 99);
        var bytes = new byte[reply ? 27 : 22];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i < 22 ? root.Next(256) : Rng.Next(256));
        }

        bytes[0] = 0x01;
        return Convert.ToBase64String(bytes);
    }

    private static readonly string[] Sentences =
    [
        "Could you send over the updated numbers before Thursday?",
        "We reviewed the draft internally and have a few comments.",
        "Let me know which slot works for a thirty-minute call.",
        "Attached is the summary we discussed; happy to walk through it.",
        "Our procurement team asked for the standard terms again.",
        "Thanks for the quick turnaround on this.",
    ];
}
