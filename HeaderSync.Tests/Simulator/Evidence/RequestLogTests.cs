using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace HeaderSync.Tests.Simulator.Evidence;

/// <summary>The request log marks content exactly when content was returned.</summary>
[Collection(SimulatorGroup.Name)]
public sealed class RequestLogTests(SimulatorFixture fixture)
{
    private async Task<long> LastSeqAsync() =>
        (await ReadLogAsync(long.MaxValue - 1)).GetProperty("lastSeq").GetInt64();

    private async Task<JsonElement> ReadLogAsync(long after) =>
        JsonDocument.Parse(await fixture.Http.GetStringAsync($"_simulator/requests?after={after}&mailbox={fixture.Mailbox}"))
            .RootElement.Clone();

    private async Task<List<JsonElement>> EntriesSinceAsync(long after) =>
        [.. (await ReadLogAsync(after)).GetProperty("value").EnumerateArray()];

    private static List<string> Ids(JsonElement entry, string name) =>
        [.. entry.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task HeaderSelectionReturnsMessagesWithoutContent()
    {
        var after = await LastSeqAsync();

        await fixture.GetJsonAsync(
            $"/users/{fixture.Mailbox}/mailFolders/inbox/messages/delta?$select=subject,internetMessageHeaders",
            "odata.maxpagesize=20");

        var entry = Assert.Single(await EntriesSinceAsync(after));
        Assert.Equal(20, Ids(entry, "messageIds").Count);
        Assert.Empty(Ids(entry, "contentMessageIds"));
        Assert.Equal(["subject", "internetMessageHeaders"], entry.GetProperty("select").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(200, entry.GetProperty("status").GetInt32());
        Assert.Equal(fixture.Mailbox, entry.GetProperty("mailbox").GetString());
        Assert.True(entry.GetProperty("responseBytes").GetInt64() > 0);
    }

    [Theory]
    [InlineData("?$select=subject,body")]
    [InlineData("?$select=bodyPreview")]
    [InlineData("?$select=uniqueBody")]
    [InlineData("")]
    [InlineData("/$value")]
    [InlineData("/attachments")]
    public async Task ContentIsMarkedWhenReturned(string suffix)
    {
        var message = fixture.Tenant.Messages(fixture.Mailbox).First(m => m.Folder == "inbox");
        var after = await LastSeqAsync();

        using var response = await fixture.GetAsync($"/users/{fixture.Mailbox}/messages/{message.Id}{suffix}");

        var entry = Assert.Single(await EntriesSinceAsync(after));
        Assert.True(response.IsSuccessStatusCode);
        if (suffix == "/attachments" && Ids(entry, "messageIds").Count == 0)
        {
            // A message without attachments returns no content at all.
            Assert.Empty(Ids(entry, "contentMessageIds"));
            return;
        }

        Assert.Equal([message.Id], Ids(entry, "contentMessageIds"));
    }

    [Fact]
    public async Task EachBatchedRequestIsItsOwnEntry()
    {
        var messages = fixture.Tenant.Messages(fixture.Mailbox).Where(m => m.Folder == "inbox").Take(2).ToList();
        var after = await LastSeqAsync();
        var payload = new
        {
            requests = new object[]
            {
                new { id = "a", method = "GET", url = $"/users/{fixture.Mailbox}/messages/{messages[0].Id}?$select=subject" },
                new { id = "b", method = "GET", url = $"/users/{fixture.Mailbox}/messages/{messages[1].Id}?$select=body" },
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Tenant.GraphBaseUrl + "/$batch"))
        {
            Content = new StringContent(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.AccessToken);

        using var response = await fixture.Http.SendAsync(request);
        var all = JsonDocument.Parse(await fixture.Http.GetStringAsync($"_simulator/requests?after={after}"))
            .RootElement.GetProperty("value").EnumerateArray().ToList();

        var batch = Assert.Single(all, e => e.GetProperty("path").GetString() == "/v1.0/$batch");
        var items = all.Where(e => e.GetProperty("batchSeq").ValueKind == JsonValueKind.Number).ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal(batch.GetProperty("seq").GetInt64(), i.GetProperty("batchSeq").GetInt64()));
        var headerOnly = items.Single(i => i.GetProperty("path").GetString()!.EndsWith(messages[0].Id, StringComparison.Ordinal));
        var withBody = items.Single(i => i.GetProperty("path").GetString()!.EndsWith(messages[1].Id, StringComparison.Ordinal));
        Assert.Empty(Ids(headerOnly, "contentMessageIds"));
        Assert.Equal([messages[1].Id], Ids(withBody, "contentMessageIds"));
    }
}
