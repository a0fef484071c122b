using System.Text;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace HeaderSync.Tests.Simulator.Graph;

/// <summary>The simulator as the real Microsoft.Graph SDK sees it.</summary>
[Collection(SimulatorGroup.Name)]
public sealed class GraphSdkTests(SimulatorFixture fixture)
{
    [Fact]
    public async Task UsersAndOrganizationComeBackThroughTheSdk()
    {
        var client = fixture.Graph();

        var seen = new List<User>();
        var first = await client.Users.GetAsync(r =>
        {
            r.QueryParameters.Top = 2;
            r.QueryParameters.Select = ["id", "userPrincipalName"];
        });
        await PageIterator<User, UserCollectionResponse>.CreatePageIterator(client, first!, u =>
        {
            seen.Add(u);
            return true;
        }).IterateAsync();
        var organization = await client.Organization.GetAsync();

        Assert.Equal(fixture.Tenant.Users.Select(u => u.UserPrincipalName), seen.Select(u => u.UserPrincipalName));
        Assert.All(seen, u => Assert.Null(u.DisplayName));
        var domains = organization!.Value!.Single().VerifiedDomains!.Select(d => d.Name).ToList();
        Assert.Contains("contoso.com", domains);
        Assert.Contains("eu.contoso.com", domains);
    }

    [Fact]
    public async Task PageIteratorWalksTheWholeInbox()
    {
        var client = fixture.Graph();
        var expected = fixture.Tenant.Messages(fixture.Mailbox).Count(m => m.Folder == "inbox");
        var seen = new List<Message>();

        var first = await client.Users[fixture.Mailbox].MailFolders["inbox"].Messages.GetAsync(r =>
        {
            r.QueryParameters.Top = 25;
            r.QueryParameters.Select = ["id", "subject", "receivedDateTime"];
        });
        var iterator = PageIterator<Message, MessageCollectionResponse>.CreatePageIterator(client, first!, m =>
        {
            seen.Add(m);
            return true;
        });
        await iterator.IterateAsync();

        Assert.Equal(expected, seen.Count);
        Assert.Equal(seen.Count, seen.Select(m => m.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(m => m.ReceivedDateTime).Select(m => m.Id), seen.Select(m => m.Id));
        Assert.All(seen, m => Assert.Null(m.Body));
    }

    [Fact]
    public async Task DeltaRoundsResumeFromTheDeltaLink()
    {
        var client = fixture.Graph();
        var mailbox = fixture.MutableMailbox;
        var delta = client.Users[mailbox].MailFolders["inbox"].Messages.Delta;

        var firstRound = new List<Message>();
        var page = await delta.GetAsDeltaGetResponseAsync(r =>
        {
            r.QueryParameters.Select = ["id", "subject", "internetMessageId"];
            r.Headers.Add("Prefer", "odata.maxpagesize=50");
            r.Headers.Add("Prefer", "IdType=\"ImmutableId\"");
        });
        while (true)
        {
            firstRound.AddRange(page!.Value!);
            Assert.False(page.OdataNextLink is not null && page.OdataDeltaLink is not null);
            if (page.OdataNextLink is null)
            {
                break;
            }

            page = await delta.WithUrl(page.OdataNextLink).GetAsDeltaGetResponseAsync(ImmutableIds);
        }

        var deltaLink = page.OdataDeltaLink!;
        var posted = await PostMessageAsync(mailbox, "<delta-resume@fabrikam.example>");
        var secondRound = await delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync(ImmutableIds);

        var inbox = fixture.Tenant.Messages(mailbox).Where(m => m.Folder == "inbox" && m.Id != posted).ToList();
        Assert.Equal(inbox.Select(m => m.Id).Order(), firstRound.Select(m => m.Id).Order());
        var added = Assert.Single(secondRound!.Value!);
        Assert.Equal(posted, added.Id);
        Assert.Equal("<delta-resume@fabrikam.example>", added.InternetMessageId);
        Assert.Null(added.Body);
        Assert.NotNull(secondRound.OdataDeltaLink);
    }

    [Fact]
    public async Task MimeComesFromValue()
    {
        var client = fixture.Graph();
        var message = fixture.Tenant.Messages(fixture.Mailbox).First(m => m.Folder == "inbox");

        await using var stream = await client.Users[fixture.Mailbox].Messages[message.Id].Content.GetAsync();
        using var reader = new StreamReader(stream!, Encoding.UTF8);
        var mime = await reader.ReadToEndAsync();

        Assert.Contains($"Message-Id: {message.InternetMessageId}", mime, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("X-Microsoft-Antispam: BCL:", mime, StringComparison.Ordinal);
        Assert.Contains(message.Canary ?? message.KeepMarker!, mime, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchAnswersEachRequest()
    {
        var client = fixture.Graph();
        var messages = fixture.Tenant.Messages(fixture.Mailbox).Where(m => m.Folder == "inbox").Take(3).ToList();
        var batch = new BatchRequestContentCollection(client);
        var steps = new List<string>();
        foreach (var message in messages)
        {
            steps.Add(await batch.AddBatchRequestStepAsync(client.Users[fixture.Mailbox].Messages[message.Id]
                .ToGetRequestInformation(r => r.QueryParameters.Select = ["internetMessageId", "body"])));
        }

        var response = await client.Batch.PostAsync(batch);

        for (var i = 0; i < messages.Count; i++)
        {
            var message = await response.GetResponseByIdAsync<Message>(steps[i]);
            Assert.Equal(messages[i].InternetMessageId, message.InternetMessageId);
            Assert.Contains(messages[i].Canary ?? messages[i].KeepMarker!, message.Body!.Content, StringComparison.Ordinal);
        }
    }

    // Graph ids change on a move unless every request asks for immutable ids.
    private static void ImmutableIds<T>(Microsoft.Kiota.Abstractions.RequestConfiguration<T> r)
        where T : class, new() => r.Headers.Add("Prefer", "IdType=\"ImmutableId\"");

    private async Task<string> PostMessageAsync(string mailbox, string messageId)
    {
        var mime = $"From: Someone New <someone@fabrikam.example>\r\nTo: owner@contoso.com\r\n"
            + $"Subject: Fresh mail\r\nMessage-ID: {messageId}\r\nDate: Mon, 02 Mar 2026 10:00:00 +0000\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\nHello there.\r\n";
        using var content = new StringContent(mime, Encoding.UTF8, "message/rfc822");
        using var response = await fixture.Http.PostAsync($"_simulator/mailboxes/{mailbox}/messages?folder=inbox", content);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }
}
