using HeaderSync.Engine.Graph;
using HeaderSync.Tests.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace HeaderSync.Tests.Mailboxes;

public sealed class ConnectionCheckTests(MailboxTenantFixture fixture) : IClassFixture<MailboxTenantFixture>
{
    [Fact]
    public async Task WithEveryPermissionEveryCallIsOk()
    {
        await using var harness = await EngineHarness.StartAsync(fixture.Tenant);
        var user = fixture.Tenant.Users[0];

        var report = await harness.Services.GetRequiredService<ConnectionCheck>()
            .RunAsync(user.UserPrincipalName, user.Id.ToString(), CancellationToken.None);

        Assert.True(report.AllOk, string.Join("; ", report.Checks.Select(c => $"{c.Name}: {c.Summary}")));
        Assert.Equal(
            [ConnectionCheck.UserLookup, ConnectionCheck.Organization, ConnectionCheck.HeaderRead, ConnectionCheck.BodyRead],
            report.Checks.Select(c => c.Name));
    }

    [Fact]
    public async Task WithoutMailReadTheBodyReadNamesTheMissingPermissionAndTheRestIsOk()
    {
        await using var harness = await EngineHarness.StartAsync(fixture.Tenant);
        var user = fixture.Tenant.Users[1];
        var faults = fixture.Tenant.Faults;
        fixture.Tenant.Faults = new HeaderSync.Simulator.Faults.FaultOptions { HeaderOnlyPermission = true };
        ConnectionReport report;
        try
        {
            report = await harness.Services.GetRequiredService<ConnectionCheck>()
                .RunAsync(user.UserPrincipalName, user.Id.ToString(), CancellationToken.None);
        }
        finally
        {
            fixture.Tenant.Faults = faults;
        }

        var body = report.Checks.Single(c => c.Name == ConnectionCheck.BodyRead);
        Assert.Equal(CheckOutcome.MissingPermission, body.Outcome);
        Assert.StartsWith("Mail.Read is missing: Graph answered 403 ErrorAccessDenied", body.Summary, StringComparison.Ordinal);
        Assert.All(report.Checks.Where(c => c != body), c => Assert.Equal(CheckOutcome.Ok, c.Outcome));
    }

    [Fact]
    public async Task AMailboxGraphRefusesIsReportedNotThrown()
    {
        await using var harness = await EngineHarness.StartAsync(fixture.Tenant);
        var user = fixture.Tenant.Users[2];
        var faults = fixture.Tenant.Faults;
        fixture.Tenant.Faults = new HeaderSync.Simulator.Faults.FaultOptions { UnauthorizedMailbox = user.UserPrincipalName };
        ConnectionReport report;
        try
        {
            report = await harness.Services.GetRequiredService<ConnectionCheck>()
                .RunAsync(user.UserPrincipalName, user.Id.ToString(), CancellationToken.None);
        }
        finally
        {
            fixture.Tenant.Faults = faults;
        }

        Assert.Equal(CheckOutcome.Ok, report.Checks.Single(c => c.Name == ConnectionCheck.Organization).Outcome);
        Assert.Equal(CheckOutcome.Failed, report.Checks.Single(c => c.Name == ConnectionCheck.HeaderRead).Outcome);
        Assert.Contains("401", report.Checks.Single(c => c.Name == ConnectionCheck.HeaderRead).Summary, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.Skipped, report.Checks.Single(c => c.Name == ConnectionCheck.BodyRead).Outcome);
    }
}
