using System.Net.Http.Json;
using System.Text.Json;

namespace HeaderSync.Tests.Simulator.Evidence;

[Collection(SimulatorGroup.Name)]
public sealed class EvidenceEndpointTests(SimulatorFixture fixture)
{
    [Fact]
    public async Task TenantNamesItsAppAndUsers()
    {
        var tenant = await fixture.Http.GetFromJsonAsync<JsonElement>("_simulator/tenant");

        Assert.Equal(fixture.Tenant.TenantId, tenant.GetProperty("tenantId").GetGuid());
        Assert.Equal(fixture.Tenant.ClientId, tenant.GetProperty("clientId").GetString());
        Assert.Equal(fixture.Tenant.ClientSecret, tenant.GetProperty("clientSecret").GetString());
        var users = tenant.GetProperty("users").EnumerateArray().ToList();
        Assert.Equal(3, users.Count);
        Assert.Equal(["id", "userPrincipalName", "displayName", "isAdmin"], users[0].EnumerateObject().Select(p => p.Name));
        Assert.Single(users, u => u.GetProperty("isAdmin").GetBoolean());
    }

    [Fact]
    public async Task CrmComesInTheImportFormats()
    {
        var csv = await fixture.Http.GetStringAsync("_simulator/crm/prospects.csv");
        var exclusions = await fixture.Http.GetStringAsync("_simulator/crm/exclusions");

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("email,name,company,account_domain", lines[0]);
        Assert.Equal(fixture.Tenant.Directory.Crm.Prospects.Count, lines.Length - 1);
        var entries = exclusions.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToList();
        Assert.Contains(entries, e => e.StartsWith("*@", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains('@', StringComparison.Ordinal) && !e.StartsWith('*'));
        Assert.Contains(entries, e => !e.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task MailboxMessagesPageWithSkipAndTopByUpn()
    {
        var upn = fixture.Tenant.Users[1].UserPrincipalName;

        var all = await fixture.Http.GetFromJsonAsync<JsonElement>($"_simulator/mailboxes/{upn}/messages");
        var page = await fixture.Http.GetFromJsonAsync<JsonElement>($"_simulator/mailboxes/{upn}/messages?skip=10&top=5");

        var everything = all.GetProperty("value").EnumerateArray().ToList();
        var slice = page.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(300, everything.Count);
        Assert.Equal(everything.Skip(10).Take(5).Select(e => e.GetProperty("id").GetString()),
            slice.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(
            ["id", "internetMessageId", "folder", "scenario", "expectedDecision", "expectedReason", "canary", "keepMarker"],
            slice[0].EnumerateObject().Select(p => p.Name));
        Assert.Contains(everything, e => e.GetProperty("expectedReason").GetString() == "NoProspect");
    }
}
