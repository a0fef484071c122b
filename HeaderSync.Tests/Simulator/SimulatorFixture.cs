using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HeaderSync.Simulator;
using Microsoft.Graph;

namespace HeaderSync.Tests.Simulator;

/// <summary>One simulated tenant shared by the simulator tests: seed 7, 3 mailboxes x 300.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    public SimulatedTenant Tenant { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string Root => Tenant.RootUrl.AbsoluteUri.TrimEnd('/');

    public string AccessToken { get; private set; } = "";

    /// <summary>The mailbox tests may add, move and delete mail in; the others stay as seeded.</summary>
    public string MutableMailbox => Tenant.Users[2].Id.ToString();

    public string Mailbox => Tenant.Users[1].Id.ToString();

    public static SimulatorOptions Options() => new() { Seed = 7, Mailboxes = 3, MessagesPerMailbox = 300 };

    public Task InitializeAsync() => StartTenantAsync(Options(), null);

    /// <summary>A tenant of a test's own; the test disposes it.</summary>
    public static async Task<SimulatorFixture> StartAsync(SimulatorOptions options, TimeProvider? time = null)
    {
        var fixture = new SimulatorFixture();
        await fixture.StartTenantAsync(options, time);
        return fixture;
    }

    private async Task StartTenantAsync(SimulatorOptions options, TimeProvider? time)
    {
        Tenant = await SimulatedTenant.StartAsync(options, time: time);
        Http = new HttpClient { BaseAddress = Tenant.RootUrl };
        AccessToken = await GetTokenAsync(Http, Tenant);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Tenant.DisposeAsync();
    }

    public static async Task<string> GetTokenAsync(HttpClient http, SimulatedTenant tenant)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = tenant.ClientId,
            ["client_secret"] = tenant.ClientSecret,
            ["scope"] = "https://graph.microsoft.com/.default",
        });
        using var response = await http.PostAsync(new Uri(tenant.RootUrl, $"{tenant.TenantId}/oauth2/v2.0/token"), form);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("access_token").GetString()!;
    }

    public GraphServiceClient Graph() =>
        new(GraphClientFactory.Create(), new StaticTokenProvider(AccessToken), Tenant.GraphBaseUrl);

    /// <summary>A Graph GET with the tenant's token; <paramref name="prefer"/> goes in <c>Prefer</c>.</summary>
    public async Task<HttpResponseMessage> GetAsync(string pathOrUrl, string? prefer = null, string? token = null)
    {
        var uri = pathOrUrl.StartsWith("http", StringComparison.Ordinal)
            ? new Uri(pathOrUrl)
            : new Uri(Tenant.GraphBaseUrl + pathOrUrl);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? AccessToken);
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        return await Http.SendAsync(request);
    }

    public async Task<JsonElement> GetJsonAsync(string pathOrUrl, string? prefer = null)
    {
        using var response = await GetAsync(pathOrUrl, prefer);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
