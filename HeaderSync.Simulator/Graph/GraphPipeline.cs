using HeaderSync.Simulator.Delta;
using HeaderSync.Simulator.Evidence;
using HeaderSync.Simulator.Faults;
using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Graph;

/// <summary>
/// Runs one Graph request: route, per-mailbox limits and faults, latency, then the handler.
/// Requests inside a <c>$batch</c> pass through here one by one, so each is limited on its own.
/// </summary>
internal sealed class GraphPipeline(
    TenantState tenant,
    FaultState faults,
    ThrottleGate gate,
    FaultDice dice,
    LinkTokenCodec links,
    RequestLog log,
    TimeProvider time)
{
    public RequestLog Log => log;

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<GraphResponse> ExecuteAsync(GraphRequest request, CancellationToken ct)
    {
        var route = GraphRoute.Parse(request.Path);
        if (route.Kind == GraphRouteKind.Batch)
        {
            return await BatchHandler.HandleAsync(this, request, ct);
        }

        var fault = faults.Current;
        var ctx = new GraphContext(request, tenant, fault, PreferHeader.Parse(request.Header("Prefer")),
            time.GetUtcNow(), links);
        if (!string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            return ctx.Error(
                405, "BadRequest", $"The method {request.Method} is not supported on this resource.");
        }

        if (route.User is null)
        {
            await DelayAsync(tenant.Options.LatencyMs + fault.LatencyMsPerRequest, ct);
            return Dispatch(ctx, route, null);
        }

        var mailbox = tenant.FindMailbox(route.User);
        if (mailbox is null)
        {
            return ctx.Error(404, "ErrorInvalidUser", $"The requested user '{route.User}' is invalid.");
        }

        request.Record.Mailbox = mailbox.User.Id.ToString();
        var rejection = gate.TryEnter(
            request.Record.Mailbox, mailbox.User.UserPrincipalName, fault, out var lease);
        using (lease)
        {
            if (rejection is not null)
            {
                return rejection;
            }

            await DelayAsync(tenant.Options.LatencyMs + fault.LatencyMsPerRequest, ct);
            var response = Dispatch(ctx, route, mailbox);
            gate.Served(request.Record.Mailbox, route, response.Body.Length);
            await DelayAsync(fault.LatencyMsPerKb * response.Body.Length / 1024, ct);
            return response;
        }
    }

    // Latency is wall-clock time on purpose: it models the network, not the tenant's clock.
    private static Task DelayAsync(int milliseconds, CancellationToken ct) =>
        milliseconds > 0 ? Task.Delay(milliseconds, ct) : Task.CompletedTask;

    private GraphResponse Dispatch(GraphContext ctx, GraphRoute route, MailboxState? mailbox)
    {
        var user = Uri.EscapeDataString(route.User ?? "");
        var folderSegment = Uri.EscapeDataString(route.Folder ?? "");
        MailFolderKind folder = default;
        if (route.Folder is not null
            && (mailbox is null || !MailFolders.TryParse(mailbox.Number, route.Folder, out folder)))
        {
            return ctx.NotFound("The specified folder could not be found in the store.");
        }

        switch (route.Kind)
        {
            case GraphRouteKind.Users:
                return UserHandlers.List(ctx);
            case GraphRouteKind.Organization:
                return DirectoryHandlers.Organization(ctx);
            case GraphRouteKind.Me:
                return ctx.BadRequest("/me request is only valid with delegated authentication flow.");
            case GraphRouteKind.User:
                return UserHandlers.Get(ctx, mailbox!.User);
            case GraphRouteKind.Folders:
                return DirectoryHandlers.Folders(ctx, mailbox!);
            case GraphRouteKind.Folder:
                return DirectoryHandlers.Folder(mailbox!, folder);
            case GraphRouteKind.FolderMessages:
                return MessageHandlers.List(
                    ctx, mailbox!, folder, $"users/{user}/mailFolders/{folderSegment}/messages");
            case GraphRouteKind.Messages:
                return MessageHandlers.List(ctx, mailbox!, null, $"users/{user}/messages");
            case GraphRouteKind.FolderDelta:
                return DeltaHandler.Handle(
                    ctx, mailbox!, folder, $"users/{user}/mailFolders/{folderSegment}/messages/delta", dice);
            case GraphRouteKind.MailboxDelta:
                return ctx.BadRequest("Change tracking is not supported against 'microsoft.graph.message'.");
            case GraphRouteKind.Message or GraphRouteKind.MessageValue
                or GraphRouteKind.Attachments or GraphRouteKind.Attachment:
                return MessageResource(ctx, route, mailbox!);
            default:
                return ctx.BadRequest($"Resource not found for the segment '{ctx.Request.Path}'.");
        }
    }

    private static GraphResponse MessageResource(GraphContext ctx, GraphRoute route, MailboxState mailbox)
    {
        var id = route.Message!;
        var record = MessageIds.TryParse(id, out var number, out var index) && number == mailbox.Number
            ? mailbox.Find(index)
            : null;

        // A default id names the folder: after a move the old id no longer finds the message.
        if (record is null || record.Deleted
            || (!id.Equals(MessageIds.Immutable(number, index), StringComparison.Ordinal)
                && !id.Equals(MessageIds.Default(number, index, record.Folder), StringComparison.Ordinal)))
        {
            return ctx.NotFound("The specified object was not found in the store.");
        }

        return route.Kind switch
        {
            GraphRouteKind.MessageValue => MessageHandlers.Value(ctx, mailbox, record),
            GraphRouteKind.Attachments => MessageHandlers.Attachments(ctx, mailbox, record, null),
            GraphRouteKind.Attachment => MessageHandlers.Attachments(ctx, mailbox, record, route.Attachment),
            _ => MessageHandlers.Get(ctx, mailbox, record),
        };
    }
}
