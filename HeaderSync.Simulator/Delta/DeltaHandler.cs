using System.Globalization;
using System.Text.RegularExpressions;
using HeaderSync.Simulator.Faults;
using HeaderSync.Simulator.Graph;
using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Delta;

/// <summary>
/// <c>mailFolders/{id}/messages/delta</c>. A round starts with every message in the folder
/// (oldest first), then each deltaLink reports what changed since the round began.
/// </summary>
internal static partial class DeltaHandler
{
    private const int DefaultPageSize = 10;
    private const int MaxPageSize = 1000;

    public static GraphResponse Handle(
        GraphContext ctx, MailboxState mailbox, MailFolderKind folder, string deltaPath, FaultDice dice)
    {
        var request = ctx.Request;
        if (!LinkSupport.TryResolve(
                ctx, mailbox, LinkKind.DeltaInitial, "$skiptoken", out var skip, out var error, LinkKind.DeltaChanges)
            || !LinkSupport.TryResolve(
                ctx, mailbox, LinkKind.DeltaNextRound, "$deltatoken", out var delta, out error))
        {
            return error!;
        }

        var link = skip ?? delta;
        if (link is not null && (int)folder != link.Folder)
        {
            return ctx.BadRequest("The delta token belongs to another folder.");
        }

        int? top = int.TryParse(
            request.QueryValue("$top"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var t)
            ? t
            : null;
        var requested = ctx.Prefer.MaxPageSize ?? top ?? link?.PageSize ?? DefaultPageSize;
        var pageSize = Math.Clamp(requested, 1, MaxPageSize);
        var faults = ctx.Faults;
        if (link is not null && (faults.ExpireDeltaTokens
            || (skip is not null && faults.ExpireDeltaAfterPages > 0
                && link.Page + 1 >= faults.ExpireDeltaAfterPages)))
        {
            return Expired(ctx);
        }

        if (link is null)
        {
            if (!MessageQuery.TryParse(request.QueryValue("$select"), request.QueryValue("$expand"),
                    out var parsed, out var parseError))
            {
                return ctx.BadRequest(parseError!);
            }

            if (!TryParseFilter(request.QueryValue("$filter"), out var filterFrom))
            {
                return ctx.BadRequest("Delta supports only $filter=receivedDateTime ge|gt {date}.");
            }

            link = new LinkState
            {
                Kind = LinkKind.DeltaInitial,
                Mailbox = mailbox.Number,
                Folder = (int)folder,
                Select = parsed.SelectText,
                Expand = parsed.ExpandText,
                Cursor = -1,
                FromSequence = mailbox.ChangeSequence,
                FilterFrom = filterFrom,
            };
        }
        else if (link.Kind == LinkKind.DeltaNextRound)
        {
            link = link with
            {
                Kind = LinkKind.DeltaChanges,
                UpToSequence = mailbox.ChangeSequence,
                Offset = 0,
                Page = 0,
            };
        }

        link = link with { Page = link.Page + 1, PageSize = pageSize };
        var query = link.ToQuery();
        request.Record.Select = query.Select ?? [];
        if (faults.HeaderOnlyPermission && (query.RequestsContent || query.ExpandsExtendedProperties))
        {
            return ctx.AccessDenied();
        }

        var page = new DeltaPage(ctx, mailbox, folder, query, faults, dice);
        var next = link.Kind == LinkKind.DeltaInitial ? page.Initial(link) : page.Changes(link);
        var linkName = next.Kind == LinkKind.DeltaNextRound ? "@odata.deltaLink" : "@odata.nextLink";
        var parameter = next.Kind == LinkKind.DeltaNextRound ? "$deltatoken" : "$skiptoken";
        var url = $"{request.ServiceRoot}/{deltaPath}?{parameter}={ctx.Links.Encode(next)}";

        var body = JsonBuffer.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", request.ServiceRoot + "/$metadata#Collection(message)");
            w.WriteStartArray("value");
            page.WriteItems(w);
            w.WriteEndArray();

            // A page carries exactly one link: more of this round, or the next round.
            w.WriteString(linkName, url);
            w.WriteEndObject();
        });
        return LinkSupport.WithPreferences(ctx, GraphResponse.Json(200, body), pageSize);
    }

    private static GraphResponse Expired(GraphContext ctx)
    {
        var code = ctx.Faults.DeltaExpiryCode;
        var message = code == "resyncRequired"
            ? "Resync required. Replace any local cached data with the full set from a new delta round."
            : "The sync state generation is not found. SyncStateNotFound: generation=149";
        return ctx.Error(410, code, message);
    }

    private static bool TryParseFilter(string? filter, out long from)
    {
        from = long.MinValue;
        if (string.IsNullOrWhiteSpace(filter))
        {
            return true;
        }

        var match = FilterPattern().Match(filter);
        if (!match.Success
            || !DateTimeOffset.TryParse(match.Groups[2].Value, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var date))
        {
            return false;
        }

        var strictlyAfter = match.Groups[1].Value.Equals("gt", StringComparison.OrdinalIgnoreCase);
        from = date.ToUnixTimeSeconds() + (strictlyAfter ? 1 : 0);
        return true;
    }

    [GeneratedRegex(@"^\s*receivedDateTime\s+(ge|gt)\s+'?([0-9T:\-\.Z+]+)'?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FilterPattern();
}
