using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace HeaderSync.Tests.Simulator.Graph;

[Collection(SimulatorGroup.Name)]
public sealed class BatchWireTests(SimulatorFixture fixture)
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> PostBatchAsync(object payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Tenant.GraphBaseUrl + "/$batch"))
        {
            Content = new StringContent(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.AccessToken);
        using var response = await fixture.Http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task EachRequestGetsItsOwnStatusAndFailedDependenciesGet424()
    {
        var message = fixture.Tenant.Messages(fixture.Mailbox).First(m => m.Folder == "inbox");
        var requests = new object[]
        {
            new { id = "1", method = "GET", url = $"/users/{fixture.Mailbox}/messages/{message.Id}?$select=subject" },
            new { id = "2", method = "GET", url = $"/users/{fixture.Mailbox}/messages/AAkALgnotthere" },
            new { id = "3", method = "GET", url = $"/users/{fixture.Mailbox}/messages/{message.Id}/$value", dependsOn = new[] { "2" } },
            new { id = "4", method = "GET", url = $"/users/{fixture.Mailbox}/messages/{message.Id}/$value", dependsOn = new[] { "1" } },
        };

        var (status, body) = await PostBatchAsync(new { requests });

        Assert.Equal(HttpStatusCode.OK, status);
        var responses = body.GetProperty("responses").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r);
        Assert.Equal(200, responses["1"].GetProperty("status").GetInt32());
        Assert.Equal(404, responses["2"].GetProperty("status").GetInt32());
        Assert.Equal(424, responses["3"].GetProperty("status").GetInt32());
        Assert.Equal(200, responses["4"].GetProperty("status").GetInt32());
        var mime = Encoding.UTF8.GetString(responses["4"].GetProperty("body").GetBytesFromBase64());
        Assert.Contains(message.InternetMessageId, mime, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreThanTwentyRequestsAreRefused()
    {
        var requests = Enumerable.Range(1, 21)
            .Select(i => new { id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), method = "GET", url = "/users" });

        var (status, body) = await PostBatchAsync(new { requests });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("20", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
