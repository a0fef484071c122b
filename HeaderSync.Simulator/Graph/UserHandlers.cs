using System.Globalization;
using System.Text.Json;
using HeaderSync.Simulator.Delta;
using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Graph;

/// <summary><c>/users</c> and <c>/users/{id}</c>, with <c>$select</c>, <c>$top</c> and <c>startswith</c> filters.</summary>
internal static class UserHandlers
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 999;

    private static readonly string[] Properties =
    [
        "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation",
        "preferredLanguage", "surname", "userPrincipalName", "id",
    ];

    public static GraphResponse List(GraphContext ctx)
    {
        IReadOnlyList<SimulatedUser> users = ctx.Tenant.Directory.Users;
        var link = ctx.Request.QueryValue("$skiptoken") is { } token ? ctx.Links.Decode(token) : null;
        if (ctx.Request.QueryValue("$skiptoken") is not null && link is not { Kind: LinkKind.Users })
        {
            return ctx.BadRequest("The $skiptoken is invalid.");
        }

        var selectText = link?.Select ?? ctx.Request.QueryValue("$select");
        if (!TryParseSelect(selectText, out var select, out var error))
        {
            return ctx.BadRequest(error!);
        }

        var filterText = link?.Filter ?? ctx.Request.QueryValue("$filter") ?? "";
        if (!UserFilter.TryParse(filterText, out var filter, out error))
        {
            return ctx.Error(400, "Request_UnsupportedQuery", error!);
        }

        users = [.. users.Where(filter!.Matches)];
        var pageSize = link?.PageSize ?? DefaultPageSize;
        if (link is null && ctx.Request.QueryValue("$top") is { } top
            && (!int.TryParse(top, NumberStyles.Integer, CultureInfo.InvariantCulture, out pageSize)
                || pageSize is < 1 or > MaxPageSize))
        {
            return ctx.BadRequest($"Invalid value '{top}' for $top: it must be between 1 and {MaxPageSize}.");
        }

        var offset = link?.Offset ?? 0;
        var page = users.Skip(offset).Take(pageSize).ToList();
        var body = JsonBuffer.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", ctx.Request.ServiceRoot + "/$metadata#users");
            w.WriteStartArray("value");
            foreach (var user in page)
            {
                Write(w, user, select, null);
            }

            w.WriteEndArray();
            if (offset + pageSize < users.Count)
            {
                var next = new LinkState
                {
                    Kind = LinkKind.Users,
                    Mailbox = -1,
                    Folder = -1,
                    Select = selectText ?? "",
                    Filter = filterText,
                    Offset = offset + pageSize,
                    PageSize = pageSize,
                };
                w.WriteString("@odata.nextLink", $"{ctx.Request.ServiceRoot}/users?$skiptoken={ctx.Links.Encode(next)}");
            }

            w.WriteEndObject();
        });
        return GraphResponse.Json(200, body);
    }

    public static GraphResponse Get(GraphContext ctx, SimulatedUser user)
    {
        if (!TryParseSelect(ctx.Request.QueryValue("$select"), out var select, out var error))
        {
            return ctx.BadRequest(error!);
        }

        return GraphResponse.Json(200, JsonBuffer.Write(w => Write(w, user, select, ctx.Request.ServiceRoot)));
    }

    private static bool TryParseSelect(string? text, out HashSet<string>? select, out string? error)
    {
        select = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        select = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "id" };
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Properties.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                error = $"Could not find a property named '{name}' on type 'microsoft.graph.user'.";
                return false;
            }

            select.Add(name);
        }

        return true;
    }

    private static void Write(Utf8JsonWriter w, SimulatedUser user, HashSet<string>? select, string? serviceRoot)
    {
        bool Has(string property) => select is null || select.Contains(property);

        w.WriteStartObject();
        if (serviceRoot is not null)
        {
            w.WriteString("@odata.context", serviceRoot + "/$metadata#users/$entity");
        }

        if (Has("businessPhones"))
        {
            w.WriteStartArray("businessPhones");
            w.WriteEndArray();
        }

        Optional(w, Has("displayName"), "displayName", user.DisplayName);
        Optional(w, Has("givenName"), "givenName", user.GivenName);
        Optional(w, Has("jobTitle"), "jobTitle", user.JobTitle);
        Optional(w, Has("mail"), "mail", user.UserPrincipalName);
        Optional(w, Has("mobilePhone"), "mobilePhone", null);
        Optional(w, Has("officeLocation"), "officeLocation", null);
        Optional(w, Has("preferredLanguage"), "preferredLanguage", "en-US");
        Optional(w, Has("surname"), "surname", user.Surname);
        Optional(w, Has("userPrincipalName"), "userPrincipalName", user.UserPrincipalName);
        w.WriteString("id", user.Id);
        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, bool include, string name, string? value)
    {
        if (include)
        {
            w.WriteString(name, value);
        }
    }
}
