using MimeKit.Utils;

namespace HeaderSync.Engine.Relevance;

/// <summary>Message ids in one form, bracketed as Graph's internetMessageId, compared ordinally.</summary>
public static class MessageIds
{
    /// <summary>`&lt;id&gt;` for ` id `, `&lt;id&gt;` or ` &lt;id&gt; `; null when nothing is left.</summary>
    public static string? Normalize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var span = text.AsSpan().Trim();
        if (span.StartsWith('<'))
        {
            span = span[1..];
        }

        if (span.EndsWith('>'))
        {
            span = span[..^1];
        }

        span = span.Trim();
        if (span.IsEmpty)
        {
            return null;
        }

        if (span.Length == text.Length - 2 && text[0] == '<' && text[^1] == '>')
        {
            return text;
        }

        return string.Concat("<", span, ">");
    }

    /// <summary>The ids of an In-Reply-To or References value, bracketed; garbage is skipped.</summary>
    public static IReadOnlyList<string> ParseList(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var ids = new List<string>();
        foreach (var id in MimeUtils.EnumerateReferences(value))
        {
            var normalized = Normalize(id);
            if (normalized is not null)
            {
                ids.Add(normalized);
            }
        }

        return ids;
    }
}
