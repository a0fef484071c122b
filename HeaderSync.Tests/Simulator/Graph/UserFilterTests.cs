using System.Net;

namespace HeaderSync.Tests.Simulator.Graph;

/// <summary>The directory search a people picker sends: <c>startswith</c> terms joined by <c>or</c>.</summary>
[Collection(SimulatorGroup.Name)]
public sealed class UserFilterTests(SimulatorFixture fixture)
{
    [Fact]
    public async Task StartswithFindsUsersByNameOrAddressWhateverTheCase()
    {
        var user = fixture.Tenant.Users[1];
        var name = user.DisplayName[..3].ToUpperInvariant();
        var address = user.UserPrincipalName[..4];

        var byName = await fixture.GetJsonAsync($"/users?$select=id,displayName&$filter=startswith(displayName,'{name}')");
        var byEither = await fixture.GetJsonAsync(
            $"/users?$filter=startswith(displayName,'zzz') or startswith(userPrincipalName,'{address}')");

        var expectedByName = fixture.Tenant.Users
            .Where(u => u.DisplayName.StartsWith(name, StringComparison.OrdinalIgnoreCase)).Select(u => u.Id.ToString());
        Assert.Equal(expectedByName, Ids(byName));
        var expectedByEither = fixture.Tenant.Users
            .Where(u => u.UserPrincipalName.StartsWith(address, StringComparison.OrdinalIgnoreCase)).Select(u => u.Id.ToString());
        Assert.Equal(expectedByEither, Ids(byEither));
        Assert.Contains(user.Id.ToString(), Ids(byEither));
    }

    [Fact]
    public async Task TheFilterHoldsAcrossPages()
    {
        var first = fixture.Tenant.Users[0].UserPrincipalName;
        var third = fixture.Tenant.Users[2].UserPrincipalName;

        var page1 = await fixture.GetJsonAsync(
            $"/users?$top=1&$filter=startswith(userPrincipalName,'{first}') or startswith(userPrincipalName,'{third}')");
        var page2 = await fixture.GetJsonAsync(page1.GetProperty("@odata.nextLink").GetString()!);

        Assert.Equal([fixture.Tenant.Users[0].Id.ToString()], Ids(page1));
        Assert.Equal([fixture.Tenant.Users[2].Id.ToString()], Ids(page2));
        Assert.False(page2.TryGetProperty("@odata.nextLink", out _));
    }

    [Fact]
    public async Task ANameNobodyHasFindsNobody()
    {
        var none = await fixture.GetJsonAsync("/users?$filter=startswith(displayName,'O''Nobody')");

        Assert.Equal(0, none.GetProperty("value").GetArrayLength());
    }

    [Theory]
    [InlineData("endswith(mail,'a')")]
    [InlineData("startswith(jobTitleX,'a')")]
    [InlineData("startswith(displayName,'a') and startswith(mail,'b')")]
    [InlineData("startswith(displayName,'a') or")]
    public async Task AFilterGraphWouldRefuseIsRefused(string filter)
    {
        using var response = await fixture.GetAsync($"/users?$filter={Uri.EscapeDataString(filter)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Request_UnsupportedQuery", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static List<string?> Ids(System.Text.Json.JsonElement page) =>
        [.. page.GetProperty("value").EnumerateArray().Select(u => u.GetProperty("id").GetString())];
}
