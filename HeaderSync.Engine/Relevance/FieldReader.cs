using System.Globalization;
using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace HeaderSync.Engine.Relevance;

/// <summary>What the builders share: header decoding, thread ids and the sensitivity tag.</summary>
internal static class FieldReader
{
    /// <summary>Graph hands header values over raw; decode encoded words as MimeKit would.</summary>
    public static string DecodeHeaderValue(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (!value.Contains("=?", StringComparison.Ordinal))
        {
            return value;
        }

        return Rfc2047.DecodeText(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Fills In-Reply-To and References from the headers, when the source had them.</summary>
    public static HeaderFields WithThreadHeaders(HeaderFields fields)
    {
        var headers = fields.InternetMessageHeaders;
        if (headers is null)
        {
            return fields;
        }

        string? inReplyTo = null;
        IReadOnlyList<string> references = [];
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            if (inReplyTo is null
                && header.Name.Equals("In-Reply-To", StringComparison.OrdinalIgnoreCase))
            {
                var ids = MessageIds.ParseList(header.Value);
                inReplyTo = ids.Count > 0 ? ids[0] : null;
            }
            else if (references.Count == 0
                && header.Name.Equals("References", StringComparison.OrdinalIgnoreCase))
            {
                references = MessageIds.ParseList(header.Value);
            }
        }

        return fields with { InReplyTo = inReplyTo, References = references };
    }

    /// <summary>True for PR_SENSITIVITY however Graph spells the id: `Integer 0x0036`, `Integer 0x36`.</summary>
    public static bool IsSensitivityId(string? id)
    {
        var span = (id ?? string.Empty).AsSpan().Trim();
        var space = span.IndexOf(' ');
        if (space < 0 || !span[..space].Equals("Integer", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var tag = span[(space + 1)..].Trim();
        if (!tag.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return int.TryParse(
                tag[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            && value == 0x36;
    }

    public static int? ParseSensitivity(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
