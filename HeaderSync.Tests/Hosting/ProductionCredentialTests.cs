using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Simulator;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.CommandLine;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Tests.Hosting;

/// <summary>
/// The built portal in Production, with Azure.Identity's client secret credential asking the
/// simulated tenant's authority (served over https, as Entra ID is; the launched process trusts
/// its test certificate through <c>SSL_CERT_FILE</c>) for app-only Graph tokens.
/// </summary>
public sealed class ProductionCredentialTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private X509Certificate2 certificate = null!;
    private SimulatedTenant tenant = null!;
    private string trustedCertificate = null!;

    public async Task InitializeAsync()
    {
        certificate = TestCertificates.Create("CN=127.0.0.1");
        trustedCertificate = TestCertificates.WritePem(certificate, database.Directory, withKey: false);
        tenant = await SimulatedTenant.StartOverHttpsAsync(
            new SimulatorOptions { Seed = 73, Mailboxes = 2, MessagesPerMailbox = 20 }, certificate);
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        foreach (var user in tenant.Users.Take(2))
        {
            db.Mailboxes.Add(new Mailbox
            {
                Id = MailboxIdRunningFirstAtOnce(),
                OwnerAddress = user.UserPrincipalName.ToLowerInvariant(),
                GraphUserId = user.Id.ToString(),
                Provider = EmailProvider.Office365OAuth,
            });
        }

        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("both", "Graph:ClientSecret and Graph:CertificatePath are both set")]
    [InlineData("neither", "Graph:ClientSecret or Graph:CertificatePath is required")]
    public async Task WithBothOrNeitherCredentialThePortalRefusesToStartNamingTheKeys(string given, string message)
    {
        var environment = Environment(secret: given == "both" ? "s3cret" : null);
        environment["Graph__CertificatePath"] = given == "both" ? "/etc/headersync/app.pfx" : null;

        var result = await ProcessRunner.RunWebAsync(["--urls", "http://127.0.0.1:0"], environment);

        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRightSecretGetsATokenFromTheAuthorityAndSyncs()
    {
        var result = await ProcessRunner.RunWebAsync(["sync", "--all"], Environment(tenant.ClientSecret));

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.Equal("Completed", line.GetProperty("outcome").GetString()));
        Assert.All(lines, line => Assert.True(line.GetProperty("headersScanned").GetInt32() > 0));
    }

    [Fact]
    public async Task ABadSecretPutsTheMailboxesInNeedsAttentionWhileThePortalRunsOn()
    {
        var output = new ConcurrentQueue<string>();
        using var portal = ProcessRunner.StartWeb(["--urls", "http://127.0.0.1:0"], Environment("not-the-secret"));
        portal.OutputDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        portal.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        portal.BeginOutputReadLine();
        portal.BeginErrorReadLine();
        try
        {
            var states = await WaitForStatesAsync(portal, output);

            Assert.All(states, s => Assert.Equal(MailboxState.NeedsAttention, s.State));
            Assert.All(states, s => Assert.StartsWith(
                "The app could not get a token for Microsoft Graph; check Graph:ClientSecret", s.LastError,
                StringComparison.Ordinal));
            Assert.All(states, s => Assert.Contains(
                "AADSTS7000215: Invalid client secret provided.", s.LastError, StringComparison.Ordinal));
            Assert.False(portal.HasExited, string.Join('\n', output));
            using var http = new HttpClient { BaseAddress = ListeningAddress(output) };
            Assert.Equal("Healthy", await http.GetStringAsync(new Uri("/health", UriKind.Relative)));
        }
        finally
        {
            portal.Kill(entireProcessTree: true);
            await portal.WaitForExitAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await tenant.DisposeAsync();
        certificate.Dispose();
        database.Dispose();
    }

    private async Task<List<MailboxStatus>> WaitForStatesAsync(Process portal, ConcurrentQueue<string> output)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60) && !portal.HasExited)
        {
            await using var db = database.CreateContext();
            var states = await db.Mailboxes.AsNoTracking().Select(m => m.Status).ToListAsync();
            // Live status may show the state a moment before the run's record lands with its error.
            if (states.All(s => s.State == MailboxState.NeedsAttention && s.LastError is not null))
            {
                return states;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The mailboxes never needed attention:\n" + string.Join('\n', output));
    }

    private static Uri ListeningAddress(IEnumerable<string> output)
    {
        const string marker = "Now listening on: ";
        var line = output.First(l => l.Contains(marker, StringComparison.Ordinal));
        return new Uri(line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim());
    }

    // The schedule starts each mailbox's first run within a minute, at an offset taken from its
    // id's hash (see SyncScheduler): ids with offset zero run as soon as the portal is up.
    private static Guid MailboxIdRunningFirstAtOnce()
    {
        while (true)
        {
            var id = Guid.NewGuid();
            if (id.GetHashCode() % 60 == 0)
            {
                return id;
            }
        }
    }

    private Dictionary<string, string?> Environment(string? secret) => new()
    {
        ["Database__ConnectionString"] = database.ConnectionString,
        ["AzureAd__Instance"] = tenant.RootUrl.AbsoluteUri,
        ["AzureAd__TenantId"] = tenant.TenantId.ToString(),
        ["AzureAd__ClientId"] = tenant.Directory.PortalApp.ClientId,
        ["AzureAd__ClientSecret"] = tenant.Directory.PortalApp.ClientSecret,
        ["Graph__BaseUrl"] = tenant.GraphBaseUrl,
        ["Graph__AuthorityHost"] = tenant.RootUrl.AbsoluteUri,
        ["Graph__TenantId"] = tenant.TenantId.ToString(),
        ["Graph__ClientId"] = tenant.ClientId,
        ["Graph__ClientSecret"] = secret,
        ["SSL_CERT_FILE"] = trustedCertificate,
    };
}
