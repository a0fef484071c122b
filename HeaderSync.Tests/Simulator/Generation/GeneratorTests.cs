using System.Text.Json;
using HeaderSync.Simulator;
using HeaderSync.Simulator.Evidence;
using HeaderSync.Simulator.Generation;
using HeaderSync.Simulator.Tenant;
using Microsoft.Extensions.Time.Testing;

namespace HeaderSync.Tests.Simulator.Generation;

public sealed class GeneratorTests
{
    private static readonly DateTimeOffset Clock = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static TenantState Generate(int seed = 7, int mailboxes = 3, int messages = 300) =>
        new(new SimulatorOptions { Seed = seed, Mailboxes = mailboxes, MessagesPerMailbox = messages },
            new FakeTimeProvider(Clock));

    private static List<(MessageEvidence Evidence, MessageContent Content)> All(TenantState tenant) =>
    [
        .. tenant.Mailboxes.SelectMany(m => m.Scan(_ => true, 0, int.MaxValue)
            .Select(r => (EvidenceReader.Describe(tenant, m, r), tenant.Content(m, r)))),
    ];

    [Fact]
    public void SameSeedGeneratesTheSameTenant()
    {
        var first = Generate();
        var second = Generate();

        Assert.Equal(JsonSerializer.Serialize(first.Directory), JsonSerializer.Serialize(second.Directory));
        Assert.Equal(All(first).Select(a => a.Evidence), All(second).Select(a => a.Evidence));
        Assert.Equal(
            first.Mime(first.Mailboxes[1], first.Mailboxes[1].Find(42)!),
            second.Mime(second.Mailboxes[1], second.Mailboxes[1].Find(42)!));
    }

    [Fact]
    public void AnotherSeedGeneratesAnotherTenant()
    {
        var first = Generate(seed: 7);
        var other = Generate(seed: 8);

        Assert.NotEqual(first.Directory.TenantId, other.Directory.TenantId);
        Assert.NotEqual(All(first).Select(a => a.Evidence.Canary), All(other).Select(a => a.Evidence.Canary));
    }

    [Fact]
    public void EveryMailboxInboxShowsEveryReason()
    {
        var tenant = Generate();

        foreach (var mailbox in tenant.Mailboxes)
        {
            var reasons = EvidenceReader.Messages(tenant, mailbox, 0, null)
                .Where(e => e.Folder == "inbox")
                .Select(e => e.ExpectedReason!.Value)
                .ToHashSet();

            Assert.Equal(Enum.GetValues<ExpectedReason>().ToHashSet(), reasons);
        }
    }

    [Fact]
    public void SentItemsShowEveryReasonTheirFieldsCanShow()
    {
        var tenant = Generate();

        var reasons = EvidenceReader.Messages(tenant, tenant.Mailboxes[0], 0, null)
            .Where(e => e.Folder == "sentitems")
            .Select(e => e.ExpectedReason!.Value)
            .ToHashSet();

        // A sent message's sender is the mailbox owner: nothing in its fields marks it automated.
        var expected = Enum.GetValues<ExpectedReason>().Where(r => r != ExpectedReason.Automated).ToHashSet();
        Assert.Equal(expected, reasons);
    }

    [Fact]
    public void OtherFoldersCarryNoExpectation()
    {
        var tenant = Generate();

        var others = EvidenceReader.Messages(tenant, tenant.Mailboxes[0], 0, null)
            .Where(e => e.Folder is not ("inbox" or "sentitems"))
            .ToList();

        Assert.NotEmpty(others);
        Assert.All(others, e => Assert.True(e.Scenario is null && e.ExpectedDecision is null && e.ExpectedReason is null));
    }

    [Fact]
    public void IgnoredMessagesHoldUniqueCanariesAndSyncedOnesUniqueKeepMarkers()
    {
        var all = All(Generate()).Where(a => a.Evidence.ExpectedDecision is not null).ToList();

        var ignored = all.Where(a => a.Evidence.ExpectedDecision == ExpectedDecision.Ignored).ToList();
        var synced = all.Where(a => a.Evidence.ExpectedDecision == ExpectedDecision.Synced).ToList();

        Assert.All(ignored, a => Assert.Contains(a.Evidence.Canary!, a.Content.TextBody, StringComparison.Ordinal));
        Assert.All(ignored, a => Assert.Contains(a.Evidence.Canary!, a.Content.HtmlBody, StringComparison.Ordinal));
        Assert.All(synced, a => Assert.Contains(a.Evidence.KeepMarker!, a.Content.TextBody, StringComparison.Ordinal));
        Assert.All(ignored, a => Assert.Null(a.Evidence.KeepMarker));
        Assert.All(synced, a => Assert.Null(a.Evidence.Canary));
        Assert.Equal(ignored.Count, ignored.Select(a => a.Evidence.Canary).Distinct().Count());
        Assert.Equal(synced.Count, synced.Select(a => a.Evidence.KeepMarker).Distinct().Count());
    }

    [Fact]
    public void RelevantShareSetsTheShareOfSyncedMail()
    {
        var tenant = Generate(mailboxes: 1, messages: 3000);

        var expected = EvidenceReader.Messages(tenant, tenant.Mailboxes[0], 0, null)
            .Where(e => e.ExpectedDecision is not null)
            .ToList();
        var share = expected.Count(e => e.ExpectedDecision == ExpectedDecision.Synced) / (double)expected.Count;

        Assert.InRange(share, 0.08, 0.16);
    }

    [Fact]
    public void MessagesAreDatedWithinTheSixtyDaysBeforeTheClock()
    {
        var all = All(Generate());

        Assert.All(all, a => Assert.InRange(a.Content.ReceivedAt, Clock.AddDays(-60), Clock));
    }

    [Fact]
    public void ThreadRepliesNameASyncedMessageOfTheSameMailbox()
    {
        var tenant = Generate();
        foreach (var mailbox in tenant.Mailboxes)
        {
            var messages = mailbox.Scan(_ => true, 0, int.MaxValue)
                .Select(r => (Evidence: EvidenceReader.Describe(tenant, mailbox, r), Content: tenant.Content(mailbox, r)))
                .ToList();
            var byId = messages.ToDictionary(m => m.Content.InternetMessageId);

            foreach (var (evidence, content) in messages.Where(m => m.Evidence.ExpectedReason == ExpectedReason.Thread))
            {
                var parent = byId[content.InReplyTo!];
                Assert.Equal(ExpectedDecision.Synced, parent.Evidence.ExpectedDecision);
                Assert.Equal(parent.Content.ConversationId, content.ConversationId);
                Assert.Contains(content.InReplyTo!, content.References!, StringComparison.Ordinal);
            }
        }
    }
}
