using System.Text.Json;
using System.Text.Json.Serialization;
using HeaderSync.Simulator.Faults;
using HeaderSync.Simulator.Hosting;
using HeaderSync.Simulator.Tenant;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace HeaderSync.Simulator.Evidence;

/// <summary>
/// <c>/_simulator/*</c>: the tenant's facts, the CRM, the request log and controls. No
/// authentication, so only loopback callers are served.
/// </summary>
internal static class EvidenceEndpoints
{
    // Faults are served in the shape of configuration: PascalCase keys, enum names.
    private static readonly JsonSerializerOptions FaultJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
        PropertyNameCaseInsensitive = true,
        WriteIndented = true,
    };

    public static IEndpointRouteBuilder MapEvidence(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/_simulator").AddEndpointFilter(async (context, next) =>
            context.HttpContext.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip)
                ? await next(context)
                : Results.StatusCode(StatusCodes.Status403Forbidden));

        group.MapGet("/tenant", Tenant);
        group.MapGet("/crm/prospects.csv", (TenantDirectory d) =>
            Results.Text(CrmExports.ProspectsCsv(d.Crm), "text/csv; charset=utf-8"));
        group.MapGet("/crm/exclusions", (TenantDirectory d) =>
            Results.Text(CrmExports.Exclusions(d.Crm), "text/plain; charset=utf-8"));
        group.MapGet("/requests", Requests);
        group.MapDelete("/requests", (RequestLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
        group.MapGet("/stats", Stats);
        group.MapGet("/mailboxes/{mailbox}/messages", Messages);
        group.MapPost("/mailboxes/{mailbox}/messages", PostMessageAsync).DisableAntiforgery();
        group.MapDelete("/mailboxes/{mailbox}/messages/{id}", DeleteMessage);
        group.MapPost("/mailboxes/{mailbox}/messages/{id}/move", MoveMessageAsync).DisableAntiforgery();
        group.MapPost("/mailboxes/{mailbox}/messages/{id}/read", MarkReadAsync).DisableAntiforgery();
        group.MapGet("/faults", (FaultState faults) => Results.Json(faults.Current, FaultJson));
        group.MapPut("/faults", PutFaultsAsync).DisableAntiforgery();
        return app;
    }

    private static IResult Tenant(TenantDirectory d, HttpRequest request) => Results.Json(new
    {
        tenantId = d.TenantId,
        clientId = d.SyncApp.ClientId,
        clientSecret = d.SyncApp.ClientSecret,
        authority = $"{request.Scheme}://{request.Host}/{d.TenantId}/v2.0",
        graphBaseUrl = $"{request.Scheme}://{request.Host}/v1.0",
        portalClientId = d.PortalApp.ClientId,
        portalClientSecret = d.PortalApp.ClientSecret,
        automationClientId = d.AutomationApp.ClientId,
        automationClientSecret = d.AutomationApp.ClientSecret,
        domains = d.Domains.Select(x => x.Name),
        users = d.Users.Select(u => new { id = u.Id, u.UserPrincipalName, u.DisplayName, u.IsAdmin }),
    });

    private static IResult Requests(RequestLog log, TenantState tenant, long? after, string? mailbox)
    {
        string? mailboxId = null;
        if (mailbox is not null)
        {
            mailboxId = tenant.Directory.FindUser(mailbox)?.Id.ToString() ?? mailbox;
        }

        var lastSeq = log.LastSequence;
        return Results.Json(new { value = log.Read(after ?? 0, mailboxId), lastSeq });
    }

    private static IResult Stats(ThrottleGate gate, TenantState tenant) => Results.Json(new
    {
        value = tenant.Directory.Users.Select(u =>
        {
            var counters = gate.Counters.GetValueOrDefault(u.Id.ToString()) ?? new MailboxCounters();
            lock (counters.Gate)
            {
                return new
                {
                    mailbox = u.Id,
                    u.UserPrincipalName,
                    requests = counters.Requests,
                    throttled = counters.Throttled,
                    peakConcurrentRequests = counters.PeakActive,
                    deltaRequestsByFolder = new Dictionary<string, long>(counters.DeltaRequestsByFolder),
                    messageRequests = counters.MessageRequests,
                    responseBytes = counters.ResponseBytes,
                };
            }
        }),
    });

    private static IResult Messages(string mailbox, int? skip, int? top, TenantState tenant)
    {
        var state = tenant.FindMailbox(mailbox);
        return state is null
            ? Results.NotFound()
            : Results.Json(new { value = EvidenceReader.Messages(tenant, state, Math.Max(0, skip ?? 0), top) });
    }

    private static async Task<IResult> PostMessageAsync(
        string mailbox, string? folder, HttpRequest request, TenantState tenant, TimeProvider time,
        ILogger<TenantState> logger, CancellationToken ct)
    {
        var state = tenant.FindMailbox(mailbox);
        if (state is null)
        {
            return Results.NotFound();
        }

        if (!MailFolders.TryParse(state.Number, folder ?? "inbox", out var kind))
        {
            return Results.BadRequest(new { error = $"Unknown folder '{folder}'." });
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var now = time.GetUtcNow();
        var posted = PostedMessageParser.Parse(buffer.ToArray(), state.Number, state.Count, kind, now);
        var record = state.Add(kind, posted, now.ToUnixTimeSeconds());
        var id = MessageIds.Immutable(state.Number, record.Index);
        logger.MessagePosted(id, state.User.UserPrincipalName, MailFolders.WellKnownName(kind));
        return Results.Json(new { id, posted.Content.InternetMessageId }, statusCode: StatusCodes.Status201Created);
    }

    private static IResult DeleteMessage(
        string mailbox, string id, TenantState tenant, TimeProvider time, ILogger<TenantState> logger)
    {
        var state = tenant.FindMailbox(mailbox);
        if (state is null || !MessageIds.TryParse(id, out var number, out var index) || number != state.Number
            || !state.Delete(index, time.GetUtcNow().ToUnixTimeSeconds()))
        {
            return Results.NotFound();
        }

        logger.MessageDeleted(id, state.User.UserPrincipalName);
        return Results.NoContent();
    }

    private static async Task<IResult> MoveMessageAsync(
        string mailbox, string id, HttpRequest request, TenantState tenant, TimeProvider time,
        ILogger<TenantState> logger, CancellationToken ct)
    {
        var state = tenant.FindMailbox(mailbox);
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: ct);
        var destination = body.TryGetProperty("destination", out var d) ? d.GetString() ?? "" : "";
        if (state is null || !MessageIds.TryParse(id, out var number, out var index) || number != state.Number)
        {
            return Results.NotFound();
        }

        if (!MailFolders.TryParse(state.Number, destination, out var kind))
        {
            return Results.BadRequest(new { error = $"Unknown folder '{destination}'." });
        }

        var moved = state.Move(index, kind, time.GetUtcNow().ToUnixTimeSeconds());
        if (moved is null)
        {
            return Results.NotFound();
        }

        logger.MessageMoved(id, state.User.UserPrincipalName, MailFolders.WellKnownName(kind));
        return Results.Json(new { id, folder = MailFolders.WellKnownName(kind) });
    }

    private static async Task<IResult> MarkReadAsync(
        string mailbox, string id, HttpRequest request, TenantState tenant, TimeProvider time, CancellationToken ct)
    {
        var state = tenant.FindMailbox(mailbox);
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: ct);
        var isRead = !body.TryGetProperty("isRead", out var value) || value.GetBoolean();
        if (state is null || !MessageIds.TryParse(id, out var number, out var index) || number != state.Number
            || state.SetRead(index, isRead, time.GetUtcNow().ToUnixTimeSeconds()) is null)
        {
            return Results.NotFound();
        }

        return Results.Json(new { id, isRead });
    }

    private static async Task<IResult> PutFaultsAsync(
        HttpRequest request, FaultState faults, ILogger<FaultState> logger, CancellationToken ct)
    {
        FaultOptions? replacement;
        try
        {
            replacement = await JsonSerializer.DeserializeAsync<FaultOptions>(request.Body, FaultJson, ct);
            if (replacement is null)
            {
                return Results.BadRequest(new { error = "A faults object is required." });
            }

            faults.Replace(replacement);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return Results.BadRequest(new { error = exception.Message });
        }

        logger.FaultsChanged(JsonSerializer.Serialize(faults.Current, FaultJson));
        return Results.Json(faults.Current, FaultJson);
    }
}
