using System.Net;
using HeaderSync.Simulator;
using HeaderSync.Simulator.Tenant;
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

    public SimulatedTenant Tenant { get; private set; } = null!;

    /// <summary>The tenant's user holding the HeaderSync.Admin app role.</summary>
    public SimulatedUser Admin => Tenant.Users.First(u => u.IsAdmin);

    /// <summary>A user who can sign in but holds no portal role.</summary>
    public SimulatedUser Seller => Tenant.Users.First(u => !u.IsAdmin);

    public async Task InitializeAsync()
    {
        Tenant = await SharedTenant.GetForPortalAsync();

        // The portal reads these before its host is built, where the factory's own settings do
        // not reach yet; the process tests clear them for the programs they launch.
        Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", "Development");
        Environment.SetEnvironmentVariable("Simulator__Url", Tenant.RootUrl.AbsoluteUri);
        Environment.SetEnvironmentVariable("Database__ConnectionString", database.ConnectionString);

        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = ClientOptions.BaseAddress;
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
