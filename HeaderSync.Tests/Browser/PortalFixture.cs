using System.Net;
using HeaderSync.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HeaderSync.Tests.Browser;

/// <summary>
/// The portal on a real loopback port, in Development, on a SQLite file of its own: one per
/// test run, shared by every test that talks to the running app.
/// </summary>
public sealed class PortalFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TempDatabase database = new();

    public Uri BaseAddress { get; private set; } = null!;

    internal TempDatabase Database => database;

    public Task InitializeAsync()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = ClientOptions.BaseAddress;
        return Task.CompletedTask;
    }

    public HttpClient CreateLoopbackClient() => new() { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        database.Dispose();
    }
}
