using System.Net;
using System.Text.Json;
using HeaderSync.Simulator.Generation;

namespace HeaderSync.Tests.Simulator.Graph;

/// <summary>The exact JSON Graph clients depend on, over raw HTTP.</summary>
[Collection(SimulatorGroup.Name)]
public sealed class GraphWireTests(SimulatorFixture fixture)
{
    private const string SensitivityExpand = "singleValueExtendedProperties($filter=id eq 'Integer 0x0036')";

    private string MessagePath(Func<HeaderSync.Simulator.Evidence.MessageEvidence, bool> where, out string id)
    {
        var message = fixture.Tenant.Messages(fixture.Mailbox).First(where);
        id = message.Id;
        return $"/users/{fixture.Mailbox}/messages/{message.Id}";
    }

    [Fact]
    public async Task WithoutSelectTheBodyComesButNotTheHeaders()
    {
        var path = MessagePath(m => m.Folder == "inbox", out var id);

        var message = await fixture.GetJsonAsync(path, "IdType=\"ImmutableId\"");

        Assert.Equal(id, message.GetProperty("id").GetString());
        Assert.Equal("html", message.GetProperty("body").GetProperty("contentType").GetString());
        Assert.False(message.TryGetProperty("uniqueBody", out _));
        Assert.True(message.TryGetProperty("bodyPreview", out _));
        Assert.False(message.TryGetProperty("internetMessageHeaders", out _));
        Assert.Equal(JsonValueKind.Object, message.GetProperty("from").GetProperty("emailAddress").ValueKind);
    }

    [Fact]
    public async Task SelectLimitsTheFieldsAndHeadersComeOnlyWhenSelected()
    {
        var path = MessagePath(m => m.Folder == "inbox", out _);

        var message = await fixture.GetJsonAsync(path + "?$select=subject,internetMessageHeaders");

        var names = message.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["@odata.etag", "id", "subject", "internetMessageHeaders"], names);
        var headers = message.GetProperty("internetMessageHeaders").EnumerateArray()
            .Select(h => h.GetProperty("name").GetString()).ToList();
        Assert.Contains("Received", headers);
        Assert.Contains("X-Microsoft-Antispam", headers);
        Assert.Contains("Message-Id", headers, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SentItemsComeWithoutHeadersByDefault()
    {
        var path = MessagePath(m => m.Folder == "sentitems", out _);

        var message = await fixture.GetJsonAsync(path + "?$select=subject,internetMessageHeaders");

        Assert.False(message.TryGetProperty("internetMessageHeaders", out _));
        Assert.True(message.TryGetProperty("subject", out _));
    }

    [Fact]
    public async Task SensitivityPropertyComesThroughExpand()
    {
        var path = MessagePath(m => m.Scenario == Scenario.SensitivePropertyOnly, out _);

        var message = await fixture.GetJsonAsync($"{path}?$select=subject&$expand={SensitivityExpand}");

        var property = message.GetProperty("singleValueExtendedProperties").EnumerateArray().Single();
        Assert.Equal("Integer 0x36", property.GetProperty("id").GetString());
        Assert.Equal("3", property.GetProperty("value").GetString());
    }

    [Fact]
    public async Task BodyContentTypePreferenceIsAppliedAndEchoed()
    {
        var path = MessagePath(m => m.Folder == "inbox", out _);

        using var response = await fixture.GetAsync(path + "?$select=body", "outlook.body-content-type=\"text\"");
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Contains("outlook.body-content-type=\"text\"", response.Headers.GetValues("Preference-Applied").Single(),
            StringComparison.Ordinal);
        Assert.Equal("text", message.GetProperty("body").GetProperty("contentType").GetString());
        Assert.DoesNotContain("<html>", message.GetProperty("body").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPropertyIsRefusedInGraphsErrorShape()
    {
        var path = MessagePath(m => m.Folder == "inbox", out _);

        using var response = await fixture.GetAsync(path + "?$select=subject,nonsense");
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadRequest", error.GetProperty("code").GetString());
        Assert.Contains("nonsense", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(error.GetProperty("innerError").TryGetProperty("request-id", out _));
    }

    [Fact]
    public async Task MailboxWideDeltaIsRefused()
    {
        using var response = await fixture.GetAsync($"/users/{fixture.Mailbox}/messages/delta");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Change tracking is not supported against 'microsoft.graph.message'", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingOrForgedTokensGet401()
    {
        var path = $"/users/{fixture.Mailbox}/mailFolders";
        var parts = fixture.AccessToken.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA";

        using var missing = await fixture.Http.GetAsync(new Uri(fixture.Tenant.GraphBaseUrl + path));
        using var wrong = await fixture.GetAsync(path, token: forged);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var error = JsonDocument.Parse(await wrong.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("InvalidAuthenticationToken", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AttachmentsComeWithTheirBytes()
    {
        var mailbox = fixture.Tenant.Messages(fixture.Mailbox);
        string? found = null;
        foreach (var message in mailbox.Where(m => m.Scenario is Scenario.ProspectInbound or Scenario.ProspectLowBcl or Scenario.SentToProspect))
        {
            var json = await fixture.GetJsonAsync($"/users/{fixture.Mailbox}/messages/{message.Id}?$select=hasAttachments");
            if (json.GetProperty("hasAttachments").GetBoolean())
            {
                found = message.Id;
                break;
            }
        }

        Assert.NotNull(found);
        var attachments = await fixture.GetJsonAsync($"/users/{fixture.Mailbox}/messages/{found}/attachments");

        var attachment = attachments.GetProperty("value").EnumerateArray().Single();
        Assert.Equal("#microsoft.graph.fileAttachment", attachment.GetProperty("@odata.type").GetString());
        Assert.Equal(attachment.GetProperty("size").GetInt32(), attachment.GetProperty("contentBytes").GetBytesFromBase64().Length);
    }

    [Fact]
    public async Task LinksAreBuiltFromTheRequestsHost()
    {
        var localhost = fixture.Tenant.GraphBaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        var page = await fixture.GetJsonAsync($"{localhost}/users/{fixture.Mailbox}/mailFolders/inbox/messages?$top=5");

        Assert.StartsWith(localhost + "/users/", page.GetProperty("@odata.nextLink").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SentMailCarriesTheSensitivityPropertyToo()
    {
        var path = MessagePath(m => m.Scenario == Scenario.SentSensitive, out _);

        var message = await fixture.GetJsonAsync($"{path}?$select=subject&$expand={SensitivityExpand}");

        var property = message.GetProperty("singleValueExtendedProperties").EnumerateArray().Single();
        Assert.Equal("2", property.GetProperty("value").GetString());
    }

    [Fact]
    public async Task SizeAndSensitivityPropertiesExpandTogether()
    {
        var path = MessagePath(m => m.Folder == "inbox", out _);
        var both = "singleValueExtendedProperties($filter=id eq 'Integer 0x0036' or id eq 'Integer 0x0E08')";

        var message = await fixture.GetJsonAsync($"{path}?$select=subject&$expand={both}");
        using var unknown = await fixture.GetAsync(
            $"{path}?$expand=singleValueExtendedProperties($filter=id eq 'Integer 0x1000')");

        var properties = message.GetProperty("singleValueExtendedProperties").EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("value").GetString()!);
        Assert.Equal(["Integer 0x36", "Integer 0xe08"], properties.Keys);
        Assert.True(int.Parse(properties["Integer 0xe08"], System.Globalization.CultureInfo.InvariantCulture) > 2048);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task HeadersIncludeTheTopLevelContentType()
    {
        var receipt = MessagePath(m => m.Scenario == Scenario.ReadReceipt, out _);
        var ordinary = MessagePath(m => m.Scenario == Scenario.ProspectInbound, out _);

        var report = await fixture.GetJsonAsync(receipt + "?$select=internetMessageHeaders");
        var plain = await fixture.GetJsonAsync(ordinary + "?$select=internetMessageHeaders");

        static string? Header(JsonElement message, string name) => message.GetProperty("internetMessageHeaders")
            .EnumerateArray()
            .Where(h => string.Equals(h.GetProperty("name").GetString(), name, StringComparison.OrdinalIgnoreCase))
            .Select(h => h.GetProperty("value").GetString())
            .FirstOrDefault();
        Assert.StartsWith("multipart/report", Header(report, "Content-Type"), StringComparison.Ordinal);
        Assert.Contains("report-type=disposition-notification", Header(report, "Content-Type"), StringComparison.Ordinal);
        Assert.StartsWith("multipart/", Header(plain, "Content-Type"), StringComparison.Ordinal);
        Assert.Equal("1.0", Header(plain, "MIME-Version"));
        Assert.Null(Header(plain, "List-Unsubscribe"));
    }

    [Fact]
    public async Task AutomatedMailCarriesItsTellTaleHeaders()
    {
        var bounce = await fixture.GetJsonAsync(
            MessagePath(m => m.Scenario == Scenario.Bounce, out _) + "?$select=internetMessageHeaders");
        var newsletter = await fixture.GetJsonAsync(
            MessagePath(m => m.Scenario == Scenario.Newsletter, out _) + "?$select=internetMessageHeaders");

        static Dictionary<string, string> Headers(JsonElement message) => message.GetProperty("internetMessageHeaders")
            .EnumerateArray()
            .GroupBy(h => h.GetProperty("name").GetString()!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("value").GetString()!, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("<>", Headers(bounce)["Return-Path"]);
        Assert.StartsWith("multipart/report", Headers(bounce)["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("bulk", Headers(newsletter)["Precedence"]);
        Assert.StartsWith("<https://", Headers(newsletter)["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Contains("<news.", Headers(newsletter)["List-Id"], StringComparison.Ordinal);
    }
}
