namespace HeaderSync.Engine.Basis;

/// <summary>
/// Writes prospects in the CSV that <see cref="ProspectCsvParser"/> reads: comma-separated, a
/// header row, fields quoted where they hold a delimiter, a quote, a line break or edge spaces.
/// </summary>
public static class ProspectCsvWriter
{
    public const string Header = "email,name,company,account_domain";

    public static async Task WriteAsync(
        TextWriter writer, IAsyncEnumerable<Prospect> prospects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(prospects);

        await writer.WriteAsync(Header.AsMemory(), cancellationToken).ConfigureAwait(false);
        await writer.WriteAsync("\r\n".AsMemory(), cancellationToken).ConfigureAwait(false);
        await foreach (var prospect in prospects.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var line = string.Join(',',
                Quote(prospect.Address), Quote(prospect.Name), Quote(prospect.Company), Quote(prospect.AccountDomain));
            await writer.WriteAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync("\r\n".AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return string.Empty;
        }

        // A semicolon is quoted too: the reader takes it as the delimiter of a file that has more.
        var needsQuotes = field.AsSpan().IndexOfAny(",;\"\r\n") >= 0
            || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]);
        return needsQuotes ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
