using System.Text.Json;
using HeaderSync.Engine.Graph;
using HeaderSync.Engine.Relevance;
using HeaderSync.Tests.Simulator;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.MailFolders.Item.Messages.Delta;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HeaderSync.Tests.Graph;

/// <summary>The header pass reads delta pages as JSON: it must see exactly what the Graph SDK sees.</summary>
[Collection(SimulatorGroup.Name)]
public sealed class DeltaPageTests(SimulatorFixture fixture)
{
    [Theory]
    [InlineData("inbox", false)]
    [InlineData("sentitems", false)]
    [InlineData("inbox", true)]
    public async Task EveryMessageOfEveryPageReadsAsTheSdkReadsIt(string folder, bool withBodies)
    {
        var client = fixture.Graph();
        var kind = folder == "sentitems" ? FolderKind.Sent : FolderKind.Inbox;
        var delta = client.Users[fixture.Mailbox].MailFolders[folder].Messages.Delta;
        var request = delta.ToGetRequestInformation(r =>
        {
            r.QueryParameters.Select = withBodies ? MessageFields.Standard : MessageFields.Headers;
            r.QueryParameters.Expand = [MessageFields.SensitivityExpand];
            r.Headers.Add("Prefer", "odata.maxpagesize=40");
        });

        var compared = 0;
        while (true)
        {
            var json = await ReadAsync(client, request);
            var sdk = await KiotaJsonSerializer.DeserializeAsync(json, DeltaGetResponse.CreateFromDiscriminatorValue);
            using var page = await DeltaPage.ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), CancellationToken.None);

            Assert.Equal(sdk!.OdataNextLink, page.NextLink);
            Assert.Equal(sdk.OdataDeltaLink, page.DeltaLink);
            Assert.Equal(sdk.Value!.Count, page.Messages.Count);
            foreach (var (expected, actual) in sdk.Value.Zip(page.Messages))
            {
                Assert.Equal(expected.Id, actual.Id);
                Assert.Equal(expected.AdditionalData.ContainsKey("@removed"), actual.IsRemoved);
                Assert.Equal(expected.ReceivedDateTime, actual.ReceivedDateTime);
                Assert.Equal(expected.SentDateTime, actual.SentDateTime);
                Assert.Equal(
                    expected.Body is null ? null : (expected.Body.ContentType == BodyType.Html, expected.Body.Content),
                    actual.Body);
                Assert.Equal(
                    JsonSerializer.Serialize(GraphMessageHeaderFields.FromMessage(expected, kind)),
                    JsonSerializer.Serialize(actual.Fields(kind)));
                compared++;
            }

            if (page.NextLink is null)
            {
                break;
            }

            request = delta.WithUrl(page.NextLink).ToGetRequestInformation();
        }

        Assert.True(compared > 50, $"only {compared} messages compared");
    }

    private static async Task<string> ReadAsync(
        Microsoft.Graph.GraphServiceClient client, Microsoft.Kiota.Abstractions.RequestInformation request)
    {
        await using var stream = await GraphJson.SendAsync(client.RequestAdapter, request, CancellationToken.None);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
