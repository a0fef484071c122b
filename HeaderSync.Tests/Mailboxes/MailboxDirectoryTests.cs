using HeaderSync.Data.Mailboxes;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Mailboxes;
using HeaderSync.Tests.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeaderSync.Tests.Mailboxes;

public sealed class MailboxDirectoryTests(MailboxTenantFixture fixture) : IClassFixture<MailboxTenantFixture>
{
    [Fact]
    public async Task TheSearchAsksGraphWithStartswithAndMarksMailboxesAlreadyAdded()
    {
        await using var harness = await EngineHarness.StartAsync(fixture.Tenant);
        var user = fixture.Tenant.Users[1];
        var mailbox = await harness.MailboxIdAsync(user.Id.ToString());
        await harness.Services.GetRequiredService<MailboxRemoval>().PurgeAsync(mailbox, "admin", CancellationToken.None);
        var seen = fixture.Tenant.Requests() is [.., var last] ? last.Seq : 0;
        var directory = harness.Services.GetRequiredService<MailboxDirectory>();

        var found = await directory.SearchAsync(user.DisplayName[..4], CancellationToken.None);

        var request = Assert.Single(fixture.Tenant.Requests(seen), r => r.Path.EndsWith("/users", StringComparison.Ordinal));
        Assert.Contains("startswith(displayName", Uri.UnescapeDataString(request.Query), StringComparison.Ordinal);
        var match = Assert.Single(found, u => u.GraphUserId == user.Id.ToString());
        Assert.False(match.AlreadyAdded);
        Assert.All(found, u => Assert.StartsWith(user.DisplayName[..4], u.DisplayName!, StringComparison.OrdinalIgnoreCase));
        Assert.All(found.Where(u => u != match), u => Assert.True(u.AlreadyAdded));
    }

    [Fact]
    public async Task AddingAUserFromTheDirectoryListsItAsAGraphMailboxAgain()
    {
        await using var harness = await EngineHarness.StartAsync(fixture.Tenant);
        var user = fixture.Tenant.Users[2];
        var mailbox = await harness.MailboxIdAsync(user.Id.ToString());
        await harness.Services.GetRequiredService<MailboxRemoval>().PurgeAsync(mailbox, "admin", CancellationToken.None);
        var directory = harness.Services.GetRequiredService<MailboxDirectory>();
        var found = await directory.SearchAsync(user.UserPrincipalName, CancellationToken.None);

        var added = await directory.AddFromDirectoryAsync(found, "admin@contoso.com", CancellationToken.None);
        var sync = await harness.SyncAsync(Assert.Single(added), HeaderSync.Data.Decisions.SyncMode.HeaderOnly);

        await using var db = harness.CreateContext();
        var stored = await db.Mailboxes.SingleAsync(m => m.Id == added[0]);
        Assert.Equal((EmailProvider.Office365OAuth, user.Id.ToString(), user.UserPrincipalName.ToLowerInvariant()),
            (stored.Provider, stored.GraphUserId, stored.OwnerAddress));
        Assert.Equal(SyncOutcome.Completed, sync.Outcome);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "mailbox.added" && a.Actor == "admin@contoso.com"));
    }

    [Fact]
    public async Task AMailboxOfAnotherProviderIsRecordedAndNeverSynced()
    {
        await using var harness = await EngineHarness.StartAsync(fixture.Tenant);
        var directory = harness.Services.GetRequiredService<MailboxDirectory>();

        var id = await directory.RecordAsync(" Seller@Gmail.com ", EmailProvider.Gmail, "admin@contoso.com", CancellationToken.None);
        var sync = await harness.SyncAsync(id, HeaderSync.Data.Decisions.SyncMode.HeaderOnly);
        var duplicate = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            directory.RecordAsync("seller@gmail.com", EmailProvider.Imap, "admin@contoso.com", CancellationToken.None));
        var bad = await Assert.ThrowsAsync<FormatException>(() =>
            directory.RecordAsync("not an address", EmailProvider.Exchange, "admin@contoso.com", CancellationToken.None));

        Assert.Equal(SyncOutcome.Skipped, sync.Outcome);
        Assert.Contains("not covered", sync.Error, StringComparison.Ordinal);
        Assert.Contains("already listed", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("'not an address' is not an email address", bad.Message, StringComparison.Ordinal);
        await using var db = harness.CreateContext();
        var stored = await db.Mailboxes.SingleAsync(m => m.Id == id);
        Assert.Equal(("seller@gmail.com", EmailProvider.Gmail, null), (stored.OwnerAddress, stored.Provider, stored.GraphUserId));
    }
}
