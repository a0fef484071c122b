using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Runs;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Tests.Sync;

[Collection(EngineTestGroup.Name)]
public sealed class ResyncTests(EngineTenantFixture fixture)
{
    [Fact]
    public async Task IncrementalFullAndRepeatedResyncsAddNoRows()
    {
        await using var harness = await EngineHarness.StartAsync(fixture);
        var mailboxId = await harness.MailboxIdAsync(fixture.Tenant.Users[0].Id.ToString());
        await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);
        var first = await CountsAsync(harness);

        var incremental = await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);
        var full = await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly, full: true);
        var again = await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly, full: true);

        Assert.All([incremental, full, again], r => Assert.Equal(SyncOutcome.Completed, r.Outcome));
        Assert.Equal(first, await CountsAsync(harness));
        Assert.Equal(0, incremental.Synced + incremental.Ignored);
        Assert.Equal(0, full.BodiesDownloaded);
        Assert.True(full.HeadersScanned > 0);
    }

    [Fact]
    public async Task ADeliveredEmailIsPickedUpAMovedOneIsNotDoubledAndADeletedOneIsMarkedRemoved()
    {
        await using var harness = await EngineHarness.StartAsync(fixture);
        var user = fixture.Tenant.Users[2].Id.ToString();
        var mailboxId = await harness.MailboxIdAsync(user);
        await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);
        var inbox = fixture.Tenant.Messages(user).Where(m => m.Folder == "inbox").ToList();
        using var http = new HttpClient { BaseAddress = fixture.Tenant.RootUrl };

        var delivered = await DeliverAsync(http, user);
        await MoveAsync(http, user, inbox[0].Id, "sentitems");
        await MoveAsync(http, user, inbox[1].Id, "archive");
        (await http.DeleteAsync(new Uri($"_simulator/mailboxes/{user}/messages/{inbox[2].Id}", UriKind.Relative)))
            .EnsureSuccessStatusCode();
        var rows = await CountsAsync(harness);
        var result = await harness.SyncAsync(mailboxId, SyncMode.HeaderOnly);

        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        await using var db = harness.CreateContext();
        var decisions = await db.EmailDecisions.AsNoTracking().Where(d => d.MailboxId == mailboxId).ToListAsync();
        Assert.Equal(rows.Decisions + 1, decisions.Count);
        Assert.Contains(decisions, d => d.GraphMessageId == delivered);
        Assert.Single(decisions, d => d.GraphMessageId == inbox[0].Id);
        Assert.NotNull(decisions.Single(d => d.GraphMessageId == inbox[0].Id).RemovedAt);
        Assert.NotNull(decisions.Single(d => d.GraphMessageId == inbox[1].Id).RemovedAt);
        Assert.NotNull(decisions.Single(d => d.GraphMessageId == inbox[2].Id).RemovedAt);
        Assert.Equal(decisions.Count - 3, decisions.Count(d => d.RemovedAt is null));
    }

    private static async Task<string> DeliverAsync(HttpClient http, string user)
    {
        var mime = "From: Ana Prospect <ana@fabrikam.example>\r\nTo: seller@contoso.com\r\n"
            + "Subject: A fresh question\r\nMessage-ID: <fresh-1@fabrikam.example>\r\n"
            + "Date: Tue, 01 Dec 2026 10:00:00 +0000\r\nContent-Type: text/plain\r\n\r\nHello\r\n";
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(mime));
        content.Headers.ContentType = new("message/rfc822");
        using var response = await http.PostAsync(
            new Uri($"_simulator/mailboxes/{user}/messages?folder=inbox", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetString()!;
    }

    private static async Task MoveAsync(HttpClient http, string user, string id, string destination)
    {
        using var response = await http.PostAsJsonAsync(
            new Uri($"_simulator/mailboxes/{user}/messages/{id}/move", UriKind.Relative), new { destination });
        response.EnsureSuccessStatusCode();
    }

    private static async Task<(int Decisions, int Participants, int Contents, int Counts)> CountsAsync(EngineHarness harness)
    {
        await using var db = harness.CreateContext();
        return (await db.EmailDecisions.CountAsync(), await db.EmailParticipants.CountAsync(),
            await db.EmailContents.CountAsync(), await db.DailyDecisionCounts.SumAsync(c => c.Count));
    }
}
