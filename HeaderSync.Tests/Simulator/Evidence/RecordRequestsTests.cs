using System.Text.Json;
using HeaderSync.Simulator;

namespace HeaderSync.Tests.Simulator.Evidence;

public sealed class RecordRequestsTests
{
    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task RequestLoggingCanBeTurnedOff(bool record, int expected)
    {
        var options = new SimulatorOptions { Seed = 4, Mailboxes = 1, MessagesPerMailbox = 10, RecordRequests = record };
        var f = await SimulatorFixture.StartAsync(options);
        try
        {
            using var response = await f.GetAsync($"/users/{f.Tenant.Users[0].Id}/mailFolders");

            var log = JsonDocument.Parse(await f.Http.GetStringAsync("_simulator/requests")).RootElement;

            Assert.True(response.IsSuccessStatusCode);
            Assert.Equal(expected, log.GetProperty("value").GetArrayLength());
        }
        finally
        {
            await f.DisposeAsync();
        }
    }
}
