using System.Globalization;
using System.Text.Json;
using HeaderSync.Engine.Relevance;

namespace HeaderSync.Engine.Graph;

/// <summary>
/// One page of a folder's message delta as Graph sends it, kept as JSON: the header pass reads the
/// few fields it decides on straight from it, through the same reader as the <c>decide</c> verb.
/// The SDK's models keep every property of every object in a dictionary of their own; at a
/// hundred messages a page, building them was most of the engine's CPU.
/// </summary>
public sealed class DeltaPage : IDisposable
{
    private readonly JsonDocument document;

    private DeltaPage(JsonDocument document)
    {
        this.document = document;
        var root = document.RootElement;
        NextLink = GraphJsonHeaderFields.String(root, "@odata.nextLink");
        DeltaLink = GraphJsonHeaderFields.String(root, "@odata.deltaLink");
        var value = GraphJsonHeaderFields.Property(root, "value");
        Messages = value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(m => new DeltaMessage(m))]
            : [];
    }

    public string? NextLink { get; }

    public string? DeltaLink { get; }

    public IReadOnlyList<DeltaMessage> Messages { get; }

    public static async Task<DeltaPage> ReadAsync(Stream json, CancellationToken cancellationToken) =>
        new(await JsonDocument.ParseAsync(json, default, cancellationToken));

    public void Dispose() => document.Dispose();
}

/// <summary>A message of a delta page, read from its JSON as the header pass needs it.</summary>
public readonly struct DeltaMessage(JsonElement json)
{
    public string? Id => GraphJsonHeaderFields.String(json, "id");

    /// <summary>Present, with a reason, when the message left the folder or was deleted.</summary>
    public bool IsRemoved => GraphJsonHeaderFields.Property(json, "@removed").ValueKind != JsonValueKind.Undefined;

    public DateTimeOffset? ReceivedDateTime => Time("receivedDateTime");

    public DateTimeOffset? SentDateTime => Time("sentDateTime");

    /// <summary>
    /// Delta's later rounds may list an updated message with only its id, isRead and parent folder.
    /// </summary>
    public bool IsSparse =>
        ReceivedDateTime is null && SentDateTime is null
        && GraphJsonHeaderFields.String(json, "internetMessageId") is null
        && GraphJsonHeaderFields.Property(json, "from").ValueKind != JsonValueKind.Object
        && GraphJsonHeaderFields.String(json, "subject") is null;

    /// <summary>The body standard mode asked for, when it came: whether it is HTML, and its content.</summary>
    public (bool Html, string? Content)? Body
    {
        get
        {
            var body = GraphJsonHeaderFields.Property(json, "body");
            if (body.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var type = GraphJsonHeaderFields.String(body, "contentType");
            return (string.Equals(type, "html", StringComparison.OrdinalIgnoreCase),
                GraphJsonHeaderFields.String(body, "content"));
        }
    }

    public HeaderFields Fields(FolderKind folder) => GraphJsonHeaderFields.FromJson(json, folder);

    private DateTimeOffset? Time(string name) =>
        DateTimeOffset.TryParse(
            GraphJsonHeaderFields.String(json, name), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;
}
