using System.Net;
using HeaderSync.Tests.Browser;

namespace HeaderSync.Tests.Hosting;

[Collection(PortalTestGroup.Name)]
public sealed class HealthEndpointTests(PortalFixture portal)
{
    [Fact]
    public async Task HealthAnswersWithTheStatusWordOnly()
    {
        using var client = portal.CreateLoopbackClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ThePortalUsesTheTestsOwnDatabaseFile()
    {
        Assert.True(File.Exists(portal.Database.FilePath));

        await using var db = portal.Database.CreateContext();

        Assert.NotNull(await db.OrgSettings.FindAsync(1));
    }
}
