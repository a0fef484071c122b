using HeaderSync.Simulator.Graph;
using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Delta;

/// <summary>Reading paging tokens back, and the response headers pages share.</summary>
internal static class LinkSupport
{
    /// <summary>
    /// Decodes the token in <paramref name="parameter"/>, if any. A link keeps its round's
    /// <c>$select</c>; one replayed with a different <c>$select</c> is refused, as Graph does.
    /// </summary>
    public static bool TryResolve(
        GraphContext ctx, MailboxState mailbox, LinkKind kind, string parameter,
        out LinkState? link, out GraphResponse? error, LinkKind? alternativeKind = null)
    {
        link = null;
        error = null;
        var token = ctx.Request.QueryValue(parameter);
        if (token is null)
        {
            return true;
        }

        var state = ctx.Links.Decode(token);
        if (state is null || state.Mailbox != mailbox.Number
            || (state.Kind != kind && state.Kind != alternativeKind))
        {
            error = ctx.BadRequest($"The {parameter} is invalid or does not belong to this resource.");
            return false;
        }

        var select = ctx.Request.QueryValue("$select");
        if (select is not null)
        {
            if (!MessageQuery.TryParse(select, state.Expand, out var requested, out _)
                || !string.Equals(requested.SelectText, state.Select, StringComparison.Ordinal))
            {
                error = ctx.BadRequest(
                    "The $select of a paging or delta link cannot be changed: follow the link as returned.");
                return false;
            }
        }

        link = state;
        return true;
    }

    public static GraphResponse WithPreferences(GraphContext ctx, GraphResponse response, int? pageSize = null)
    {
        var applied = new List<string>();
        if (ctx.Prefer.BodyContentType is { } type)
        {
            applied.Add($"outlook.body-content-type=\"{type}\"");
        }

        if (pageSize is not null && ctx.Prefer.MaxPageSize is not null)
        {
            applied.Add($"odata.maxpagesize={pageSize}");
        }

        if (ctx.Prefer.ImmutableIds)
        {
            applied.Add("IdType=\"ImmutableId\"");
        }

        return applied.Count == 0
            ? response
            : response.WithHeader("Preference-Applied", string.Join(", ", applied));
    }
}
