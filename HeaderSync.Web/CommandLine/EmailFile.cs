using System.Text.Json;
using HeaderSync.Engine.Relevance;

namespace HeaderSync.Web.CommandLine;

/// <summary>
/// Reads the header fields of a file given to <c>decide</c>: an <c>.eml</c> (whole message or
/// headers only) or a <c>.json</c> Graph message object. The folder is left as the inbox; the
/// caller settles it from <c>From</c>, which needs the fields first.
/// </summary>
internal static class EmailFile
{
    public static async Task<HeaderFields> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".eml", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadMimeAsync(path, cancellationToken);
        }

        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadGraphJsonAsync(path, cancellationToken);
        }

        throw new InvalidDataException("not an .eml or .json file");
    }

    /// <summary>Whether an exception means "this file cannot be decided" rather than a bug.</summary>
    public static bool IsUnreadable(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or InvalidDataException
            or JsonException or FormatException;

    // Only the header block is parsed, so a whole message and its headers alone decide alike.
    private static async Task<HeaderFields> ReadMimeAsync(
        string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var fields = await MimeHeaderFields.LoadAsync(stream, FolderKind.Inbox, cancellationToken);
        return fields.InternetMessageHeaders is { Count: > 0 }
            ? fields
            : throw new InvalidDataException("no email headers found");
    }

    private static async Task<HeaderFields> ReadGraphJsonAsync(
        string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        using var json = await JsonDocument.ParseAsync(stream, default, cancellationToken);
        return json.RootElement.ValueKind == JsonValueKind.Object
            ? GraphJsonHeaderFields.FromJson(json.RootElement, FolderKind.Inbox)
            : throw new InvalidDataException("not a Graph message object");
    }
}
