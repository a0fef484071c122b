using System.Net;
using System.Text;
using System.Text.Json;
using HeaderSync.Simulator;

namespace HeaderSync.Tests.Simulator.Delta;

[Collection(SimulatorGroup.Name)]
public sealed class DeltaWireTests(SimulatorFixture fixture)
{
    private const string Immutable = "IdType=\"ImmutableId\"";

    private static async Task<(List<JsonElement> Items, string DeltaLink)> RoundAsync(
        SimulatorFixture f, string firstUrl, string prefer)
    {
        var items = new List<JsonElement>();
        var url = firstUrl;
        while (true)
        {
            var page = await f.GetJsonAsync(url, prefer);
            items.AddRange(page.GetProperty("value").EnumerateArray());
            var hasNext = page.TryGetProperty("@odata.nextLink", out var next);
            var hasDelta = page.TryGetProperty("@odata.deltaLink", out var delta);
            Assert.True(hasNext ^ hasDelta, "A page carries exactly one of nextLink and deltaLink.");
            if (hasDelta)
            {
                return (items, delta.GetString()!);
            }

            url = next.GetString()!;
        }
    }

    [Fact]
    public async Task LinkReplayedWithAnotherSelectIsRefused()
    {
        var first = await fixture.GetJsonAsync(
            $"/users/{fixture.Mailbox}/mailFolders/inbox/messages/delta?$select=id,subject", "odata.maxpagesize=5");
        var next = first.GetProperty("@odata.nextLink").GetString()!;

        using var verbatim = await fixture.GetAsync(next);
        using var same = await fixture.GetAsync(next + "&$select=id,subject");
        using var other = await fixture.GetAsync(next + "&$select=id,subject,body");

        Assert.Equal(HttpStatusCode.OK, verbatim.StatusCode);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task PageSizeFollowsPreferAndSelectTravelsInTheLink()
    {
        var first = await fixture.GetJsonAsync(
            $"/users/{fixture.Mailbox}/mailFolders/inbox/messages/delta()?$select=subject", "odata.maxpagesize=7");
        var second = await fixture.GetJsonAsync(first.GetProperty("@odata.nextLink").GetString()!, "odata.maxpagesize=7");

        Assert.Equal(7, first.GetProperty("value").GetArrayLength());
        var item = second.GetProperty("value")[0];
        Assert.True(item.TryGetProperty("subject", out _));
        Assert.False(item.TryGetProperty("body", out _));
    }

    [Fact]
    public async Task MovesAndDeletesShowAsRemovedAndNew()
    {
        var mailbox = fixture.MutableMailbox;
        var inboxStart = $"/users/{mailbox}/mailFolders/inbox/messages/delta?$select=subject";
        var archiveStart = $"/users/{mailbox}/mailFolders/archive/messages/delta?$select=subject";
        var (inboxItems, inboxLink) = await RoundAsync(fixture, inboxStart, Immutable + ", odata.maxpagesize=100");
        var (_, archiveLink) = await RoundAsync(fixture, archiveStart, Immutable);
        var moved = inboxItems[0].GetProperty("id").GetString()!;
        var deleted = inboxItems[1].GetProperty("id").GetString()!;

        using var move = await fixture.Http.PostAsync($"_simulator/mailboxes/{mailbox}/messages/{moved}/move",
            new StringContent("{\"destination\":\"archive\"}", Encoding.UTF8, "application/json"));
        using var delete = await fixture.Http.DeleteAsync($"_simulator/mailboxes/{mailbox}/messages/{deleted}");
        var (inboxChanges, _) = await RoundAsync(fixture, inboxLink, Immutable);
        var (archiveChanges, _) = await RoundAsync(fixture, archiveLink, Immutable);

        Assert.Equal(HttpStatusCode.OK, move.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        var removed = inboxChanges.Where(i => i.TryGetProperty("@removed", out _)).ToList();
        Assert.Equal(new[] { moved, deleted }.Order(), removed.Select(i => i.GetProperty("id").GetString()!).Order());
        Assert.All(removed, i => Assert.Equal("deleted", i.GetProperty("@removed").GetProperty("reason").GetString()));
        var arrived = Assert.Single(archiveChanges);
        Assert.Equal(moved, arrived.GetProperty("id").GetString());
        Assert.True(arrived.TryGetProperty("subject", out _));
    }

    [Fact]
    public async Task TamperedTokenIsRefused()
    {
        var first = await fixture.GetJsonAsync(
            $"/users/{fixture.Mailbox}/mailFolders/inbox/messages/delta?$select=subject", "odata.maxpagesize=5");
        var next = first.GetProperty("@odata.nextLink").GetString()!;
        var tampered = next[..^3] + (next[^3] == 'A' ? "B" : "A") + next[^2..];

        using var response = await fixture.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task LinksSurviveARestartWithTheSameSeed()
    {
        var options = new SimulatorOptions { Seed = 21, Mailboxes = 1, MessagesPerMailbox = 80 };
        var before = await SimulatorFixture.StartAsync(options);
        var mailbox = before.Tenant.Users[0].Id;
        string nextLink;
        string deltaLink;
        try
        {
            var first = await before.GetJsonAsync(
                $"/users/{mailbox}/mailFolders/inbox/messages/delta?$select=subject", "odata.maxpagesize=10");
            nextLink = first.GetProperty("@odata.nextLink").GetString()!;
            (_, deltaLink) = await RoundAsync(before, nextLink, "odata.maxpagesize=10");
            nextLink = nextLink[before.Root.Length..];
            deltaLink = deltaLink[before.Root.Length..];
        }
        finally
        {
            await before.DisposeAsync();
        }

        var after = await SimulatorFixture.StartAsync(options);
        try
        {
            var resumed = await after.GetJsonAsync(after.Root + nextLink, "odata.maxpagesize=10");
            var changes = await after.GetJsonAsync(after.Root + deltaLink);

            Assert.Equal(10, resumed.GetProperty("value").GetArrayLength());
            Assert.Equal(0, changes.GetProperty("value").GetArrayLength());
            Assert.True(changes.TryGetProperty("@odata.deltaLink", out _));
        }
        finally
        {
            await after.DisposeAsync();
        }
    }

    [Fact]
    public async Task FilteredDeltaStopsAtFiveThousandMessages()
    {
        var f = await SimulatorFixture.StartAsync(new SimulatorOptions { Seed = 5, Mailboxes = 1, MessagesPerMailbox = 9000 });
        try
        {
            var mailbox = f.Tenant.Users[0].Id;
            var inbox = f.Tenant.Messages(mailbox.ToString()).Count(m => m.Folder == "inbox");

            var (filtered, _) = await RoundAsync(f,
                $"/users/{mailbox}/mailFolders/inbox/messages/delta?$select=id&$filter=receivedDateTime ge 2000-01-01T00:00:00Z",
                "odata.maxpagesize=1000");
            var (unfiltered, _) = await RoundAsync(f,
                $"/users/{mailbox}/mailFolders/inbox/messages/delta?$select=id", "odata.maxpagesize=1000");

            Assert.True(inbox > 5000);
            Assert.Equal(5000, filtered.Count);
            Assert.Equal(inbox, unfiltered.Count);
        }
        finally
        {
            await f.DisposeAsync();
        }
    }
}
