using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeaderSync.Simulator.Evidence;

namespace HeaderSync.Tests.Nodes;

/// <summary>What a standalone simulated tenant says about itself, read over HTTP.</summary>
internal sealed class TenantEvidence(Uri root) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly HttpClient http = new() { BaseAddress = root };

    public async Task<TenantFacts> TenantAsync() =>
        (await http.GetFromJsonAsync<TenantFacts>("_simulator/tenant", Json))!;

    public async Task<IReadOnlyList<MessageEvidence>> MessagesAsync(string mailbox)
    {
        var page = await http.GetFromJsonAsync<Page<MessageEvidence>>(
            $"_simulator/mailboxes/{Uri.EscapeDataString(mailbox)}/messages?top=100000", Json);
        return page!.Value;
    }

    public async Task<IReadOnlyList<MailboxStats>> StatsAsync() =>
        (await http.GetFromJsonAsync<Page<MailboxStats>>("_simulator/stats", Json))!.Value;

    /// <summary>A client-credentials token of the automation client, which holds the admin role.</summary>
    public async Task<string> AutomationTokenAsync()
    {
        var tenant = await TenantAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = tenant.AutomationClientId,
            ["client_secret"] = tenant.AutomationClientSecret,
            ["scope"] = $"api://{tenant.PortalClientId}/.default",
        });
        using var response = await http.PostAsync($"{tenant.TenantId}/oauth2/v2.0/token", form);
        response.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return token.RootElement.GetProperty("access_token").GetString()!;
    }

    public void Dispose() => http.Dispose();

    internal sealed record Page<T>(IReadOnlyList<T> Value);

    internal sealed record TenantFacts(
        string TenantId, string PortalClientId, string AutomationClientId, string AutomationClientSecret,
        IReadOnlyList<TenantUser> Users);

    internal sealed record TenantUser(string Id, string UserPrincipalName);

    internal sealed record MailboxStats(string Mailbox, string UserPrincipalName, int Requests, int PeakConcurrentRequests);
}
