using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HeaderSync.Bench.Hosting;
using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Graph;
using HeaderSync.Engine.Relevance;
using HeaderSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Bench.Scenarios;

/// <summary>
/// What the decision benchmark decides: the header pass's own JSON from the simulated tenant,
/// read into header fields, and the basis and synced threads a real sync of that mailbox left.
/// </summary>
internal sealed record DecisionInputs(IReadOnlyList<HeaderFields> Emails, BasisIndex Basis, SyncedThreads Threads)
{
    public static async Task<DecisionInputs> LoadAsync(int count, CancellationToken cancellationToken)
    {
        await using var tenant = await TenantProcess.StartAsync(new TenantSpec(1, count * 2), cancellationToken);
        await using var engine = await EngineHost.StartAsync(tenant.RootUrl, SyncSettings.AllAtOnce(1), cancellationToken);
        await engine.SyncAllAsync(SyncMode.HeaderOnly, cancellationToken);

        await using var db = engine.CreateContext();
        var (basis, _) = await BasisLoader.LoadAsync(db, cancellationToken);
        var threads = new SyncedThreads();
        foreach (var synced in await db.EmailDecisions.AsNoTracking().Where(d => d.Decision == Decision.Synced)
                     .Select(d => new { d.InternetMessageId, d.ConversationId }).ToListAsync(cancellationToken))
        {
            threads.Add(synced.InternetMessageId, synced.ConversationId);
        }

        var info = await tenant.TenantAsync(cancellationToken);
        var user = info.GetProperty("users")[0].GetProperty("id").GetString()!;
        using var http = new HttpClient { BaseAddress = tenant.RootUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", await GraphTokenAsync(http, info, cancellationToken));
        var emails = new List<HeaderFields>();
        foreach (var (folder, kind) in new[] { ("inbox", FolderKind.Inbox), ("sentitems", FolderKind.Sent) })
        {
            var link = $"v1.0/users/{user}/mailFolders/{folder}/messages/delta?$select={string.Join(',', MessageFields.Headers)}"
                + $"&$expand={MessageFields.SensitivityExpand}";
            while (link is not null)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, link);
                request.Headers.Add("Prefer", ["IdType=\"ImmutableId\"", "odata.maxpagesize=500"]);
                using var response = await http.SendAsync(request, cancellationToken);
                response.EnsureSuccessStatusCode();
                var page = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                emails.AddRange(page.GetProperty("value").EnumerateArray()
                    .Select(m => GraphJsonHeaderFields.FromJson(m, kind)));
                link = page.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
            }
        }

        // Inbox and sent mail interleaved, as a mailbox's two header passes deliver them.
        var inbox = emails.Where(e => e.Folder == FolderKind.Inbox).ToList();
        var sent = emails.Where(e => e.Folder == FolderKind.Sent).ToList();
        var mixed = inbox.Select((e, i) => (Key: i / (double)inbox.Count, Email: e))
            .Concat(sent.Select((e, i) => (Key: i / (double)sent.Count, Email: e)))
            .OrderBy(x => x.Key).Select(x => x.Email).ToList();
        return new DecisionInputs([.. Enumerable.Range(0, count).Select(i => mixed[i % mixed.Count])], basis, threads);
    }

    private static async Task<string> GraphTokenAsync(HttpClient http, JsonElement info, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = info.GetProperty("clientId").GetString()!,
            ["client_secret"] = info.GetProperty("clientSecret").GetString()!,
            ["scope"] = "https://graph.microsoft.com/.default",
        });
        using var response = await http.PostAsync(
            $"{info.GetProperty("tenantId").GetString()}/oauth2/v2.0/token", form, cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return token.GetProperty("access_token").GetString()!;
    }
}
