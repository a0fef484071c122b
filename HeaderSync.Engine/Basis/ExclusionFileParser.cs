namespace HeaderSync.Engine.Basis;

/// <summary>
/// The exclusions file of DESIGN.md: one address, `*@domain` or `domain` per line; `#` starts a
/// comment. Blank lines are skipped.
/// </summary>
public static class ExclusionFileParser
{
    public static async Task<ExclusionFileResult> ParseAsync(
        TextReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);

        var exclusions = new List<ParsedExclusion>();
        var errors = new List<LineError>();
        var line = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            line++;
            var entry = WithoutComment(line == 1 ? text.TrimStart('\uFEFF') : text).Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            if (Exclusion.TryParse(entry, out var exclusion, out var error))
            {
                exclusions.Add(new ParsedExclusion(line, exclusion));
            }
            else
            {
                errors.Add(new LineError(line, error));
            }
        }

        return new ExclusionFileResult(exclusions, errors);
    }

    // `#` is legal inside an address (`a#b@x.com`), so only a `#` that starts the line or
    // follows white space starts a comment.
    private static string WithoutComment(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '#' && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                return text[..i];
            }
        }

        return text;
    }
}
