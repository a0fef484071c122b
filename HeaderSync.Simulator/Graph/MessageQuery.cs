using System.Text.RegularExpressions;

namespace HeaderSync.Simulator.Graph;

/// <summary>A message request's <c>$select</c> and <c>$expand</c>, validated against Graph's model.</summary>
internal sealed partial record MessageQuery(
    IReadOnlyList<string>? Select, bool ExpandSensitivity, bool ExpandAttachments, bool ExpandSize = false)
{
    public const string SensitivityExpand = "singleValueExtendedProperties($filter=id eq 'Integer 0x0036')";
    private const string BothExpand =
        "singleValueExtendedProperties($filter=id eq 'Integer 0x0036' or id eq 'Integer 0x0E08')";
    private const string SizeExpand = "singleValueExtendedProperties($filter=id eq 'Integer 0x0E08')";

    public static readonly string[] Properties =
    [
        "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "categories", "receivedDateTime",
        "sentDateTime", "hasAttachments", "internetMessageId", "subject", "bodyPreview", "importance",
        "parentFolderId", "conversationId", "conversationIndex", "isDeliveryReceiptRequested",
        "isReadReceiptRequested", "isRead", "isDraft", "webLink", "inferenceClassification", "body",
        "sender", "from", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "uniqueBody",
        "flag", "internetMessageHeaders",
    ];

    private static readonly string[] ContentProperties = ["body", "uniqueBody", "bodyPreview"];

    public string SelectText => Select is null ? "" : string.Join(',', Select);

    public bool ExpandsExtendedProperties => ExpandSensitivity || ExpandSize;

    public string ExpandText => string.Join(',', new[]
    {
        (ExpandSensitivity, ExpandSize) switch
        {
            (true, true) => BothExpand,
            (true, false) => SensitivityExpand,
            (false, true) => SizeExpand,
            _ => null,
        },
        ExpandAttachments ? "attachments" : null,
    }.Where(e => e is not null));

    /// <summary>
    /// Whether <paramref name="property"/> is written. Without <c>$select</c> Graph returns its
    /// defaults, which leave out internetMessageHeaders and uniqueBody.
    /// </summary>
    public bool Includes(string property) => Select is null
        ? property is not ("internetMessageHeaders" or "uniqueBody")
        : property == "id" || Select.Contains(property, StringComparer.OrdinalIgnoreCase);

    public bool RequestsContent => ContentProperties.Any(Includes) || ExpandAttachments;

    public static bool TryParse(string? select, string? expand, out MessageQuery query, out string? error)
    {
        query = new MessageQuery(null, false, false);
        error = null;
        List<string>? selected = null;
        if (!string.IsNullOrWhiteSpace(select))
        {
            selected = [];
            var names = select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var name in names)
            {
                var known = Properties.FirstOrDefault(p => p.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (known is null)
                {
                    error = $"Could not find a property named '{name}' on type 'microsoft.graph.message'.";
                    return false;
                }

                if (!selected.Contains(known))
                {
                    selected.Add(known);
                }
            }
        }

        var sensitivity = false;
        var size = false;
        var attachments = false;
        foreach (var item in SplitExpand(expand))
        {
            var compact = item.Replace(" ", "", StringComparison.Ordinal);
            if (compact.Equals("attachments", StringComparison.OrdinalIgnoreCase))
            {
                attachments = true;
                continue;
            }

            // Extended properties the simulator knows: PR_SENSITIVITY and PR_MESSAGE_SIZE.
            var match = ExtendedPropertiesPattern().Match(item);
            var tags = match.Success
                ? match.Groups["tag"].Captures.Select(c => Convert.ToInt32(c.Value, 16)).ToList()
                : [];
            if (tags.Count == 0 || tags.Any(t => t is not (0x36 or 0xE08)))
            {
                error = $"Parsing OData Select and Expand failed: unsupported $expand '{item}'.";
                return false;
            }

            sensitivity |= tags.Contains(0x36);
            size |= tags.Contains(0xE08);
        }

        query = new MessageQuery(selected, sensitivity, attachments, size);
        return true;
    }

    /// <summary>Splits on commas outside parentheses.</summary>
    private static IEnumerable<string> SplitExpand(string? expand)
    {
        if (string.IsNullOrWhiteSpace(expand))
        {
            yield break;
        }

        var depth = 0;
        var start = 0;
        for (var i = 0; i < expand.Length; i++)
        {
            depth += expand[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (expand[i] == ',' && depth == 0)
            {
                yield return expand[start..i].Trim();
                start = i + 1;
            }
        }

        yield return expand[start..].Trim();
    }

    [GeneratedRegex(
        @"^\s*singleValueExtendedProperties\s*\(\s*\$filter\s*=\s*id\s+eq\s+'Integer\s+0x(?<tag>[0-9a-f]+)'"
        + @"(\s+or\s+id\s+eq\s+'Integer\s+0x(?<tag>[0-9a-f]+)')*\s*\)\s*$",
        RegexOptions.IgnoreCase)]
    private static partial Regex ExtendedPropertiesPattern();
}
