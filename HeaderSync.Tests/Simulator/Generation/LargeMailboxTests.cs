using HeaderSync.Simulator;
using HeaderSync.Simulator.Tenant;
using Microsoft.Extensions.Time.Testing;

namespace HeaderSync.Tests.Simulator.Generation;

public sealed class LargeMailboxTests
{
    [Fact]
    public void HundredThousandMessagesKeepOnlyCompactMetadata()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var tenant = new TenantState(
            new SimulatorOptions { Seed = 1, Mailboxes = 1, MessagesPerMailbox = 100_000 },
            new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero)));
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;

        // A body alone is about 400 bytes; keeping them all would need far more than this.
        Assert.InRange(retained, 0, 25_000_000);
        var mailbox = tenant.Mailboxes[0];
        var last = mailbox.Find(99_999)!;
        var content = tenant.Content(mailbox, last);
        var mime = System.Text.Encoding.UTF8.GetString(tenant.Mime(mailbox, last));
        Assert.Contains(content.InternetMessageId.Trim('<', '>'), mime, StringComparison.Ordinal);
        Assert.Contains(content.Subject, mime, StringComparison.Ordinal);
        GC.KeepAlive(tenant);
    }
}
