using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Graph;
using Message = Microsoft.Graph.Models.Message;
using Microsoft.Kiota.Abstractions;

namespace HeaderSync.Engine.Sync;

/// <summary>The Graph requests of a sync, each with the fields and headers its pass may ask for.</summary>
public static class GraphRequests
{
    public static string FolderName(MailFolder folder) => folder switch
    {
        MailFolder.Inbox => "inbox",
        MailFolder.SentItems => "sentitems",
        _ => throw new ArgumentOutOfRangeException(nameof(folder), folder, null),
    };

    /// <summary>A delta page: the first of a round, or the next one from a stored link.</summary>
    public static async Task<DeltaPage> DeltaPageAsync(
        MailboxSyncContext context, MailFolder folder, SyncMode mode, string? link,
        bool withSensitivity, CancellationToken cancellationToken)
    {
        var delta = context.Graph.Client.Users[context.Run.GraphUserId]
            .MailFolders[FolderName(folder)].Messages.Delta;

        // A link carries its round's $select; nothing is added to it.
        var request = link is null
            ? delta.ToGetRequestInformation(request =>
                {
                    request.QueryParameters.Select = mode == SyncMode.HeaderOnly
                        ? MessageFields.Headers
                        : MessageFields.Standard;
                    request.QueryParameters.Expand = withSensitivity ? [MessageFields.SensitivityExpand] : null;
                    Prefer(request.Headers, context.PageSize);
                    request.Options.Add(HeaderPassRequest.Instance);
                })
            : delta.WithUrl(link).ToGetRequestInformation(request =>
                {
                    Prefer(request.Headers, context.PageSize);
                    request.Options.Add(HeaderPassRequest.Instance);
                });

        await using var json = await GraphJson.SendAsync(context.Graph.Client.RequestAdapter, request, cancellationToken);
        return await DeltaPage.ReadAsync(json, cancellationToken);
    }

    /// <summary>The header-level fields of one email, by id: never its content.</summary>
    public static Task<Message?> HeaderFieldsAsync(
        MailboxSyncContext context, string messageId, bool withSensitivity, CancellationToken cancellationToken) =>
        context.Graph.Client.Users[context.Run.GraphUserId].Messages[messageId].GetAsync(request =>
        {
            request.QueryParameters.Select = MessageFields.Headers;
            request.QueryParameters.Expand = withSensitivity ? [MessageFields.SensitivityExpand] : null;
            Prefer(request.Headers, pageSize: null);
            request.Options.Add(HeaderPassRequest.Instance);
        }, cancellationToken);

    /// <summary>The body of one email already decided Synced.</summary>
    public static Task<Message?> BodyAsync(
        MailboxSyncContext context, string messageId, CancellationToken cancellationToken) =>
        context.Graph.Client.Users[context.Run.GraphUserId].Messages[messageId].GetAsync(request =>
        {
            request.QueryParameters.Select = MessageFields.Body;
            Prefer(request.Headers, pageSize: null);
        }, cancellationToken);

    private static void Prefer(RequestHeaders headers, int? pageSize)
    {
        // Immutable ids survive moves between folders, so a decision's key never changes.
        headers.Add("Prefer", "IdType=\"ImmutableId\"");
        if (pageSize is { } size)
        {
            headers.Add("Prefer", $"odata.maxpagesize={size}");
        }
    }
}
