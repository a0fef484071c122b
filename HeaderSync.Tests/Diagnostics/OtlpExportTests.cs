using System.Collections.Concurrent;
using System.Text;
using HeaderSync.Simulator;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Tests.Sync;
using HeaderSync.Web.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace HeaderSync.Tests.Diagnostics;

// The built executable, as an operator runs it, exporting to a collector that keeps what it got.
[Collection(EngineTestGroup.Name)]
public sealed class OtlpExportTests : IDisposable
{
    private readonly TempDatabase database = new();

    [Fact]
    public async Task TheSyncCommandExportsTheEnginesMetricsToTheConfiguredEndpoint()
    {
        await using var tenant = await SimulatedTenant.StartAsync(
            new SimulatorOptions { Seed = 41, Mailboxes = 1, MessagesPerMailbox = 120 });
        var received = new ConcurrentQueue<string>();
        await using var collector = await StartCollectorAsync(received);
        var user = tenant.Users[0];

        var result = await ProcessRunner.RunWebAsync(
            ["sync", "--mailbox", user.UserPrincipalName, "--mode", "header-only"],
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Simulator__Url"] = tenant.RootUrl.AbsoluteUri,
                ["Database__ConnectionString"] = database.ConnectionString,
                ["OpenTelemetry__OtlpEndpoint"] = $"{collector.Urls.Single()}/v1/metrics",
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            });

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var exported = string.Concat(received);
        Assert.Contains("headersync.headers_scanned", exported, StringComparison.Ordinal);
        Assert.Contains("headersync.sync.duration", exported, StringComparison.Ordinal);
        Assert.Contains(user.UserPrincipalName, exported, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => database.Dispose();

    // Protobuf keeps strings as UTF-8 bytes: instrument names and tag values can be read as text.
    private static async Task<WebApplication> StartCollectorAsync(ConcurrentQueue<string> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var collector = builder.Build();
        collector.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            received.Enqueue(Encoding.UTF8.GetString(body.ToArray()));
            return Results.Ok();
        });
        await collector.StartAsync();
        return collector;
    }
}
