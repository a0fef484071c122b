using System.Text;
using System.Text.Json;
using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Sync;
using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Relevance;

namespace HeaderSync.Tests.Relevance;

public sealed class HostileInputTests
{
    private const int Megabyte = 1_048_576;

    [Theory]
    [InlineData("Precedence", "bulk", DecisionReason.Automated)]
    [InlineData("Sensitivity", "Private", DecisionReason.Sensitive)]
    [InlineData("X-Microsoft-Antispam", "BCL:8;", DecisionReason.Automated)]
    [InlineData("Subject", "hello", DecisionReason.Prospect)]
    [InlineData("Return-Path", "<>", DecisionReason.Prospect)]
    public void MegabyteOfPaddingAroundAHeaderValueStillDecides(string name, string value, DecisionReason expected)
    {
        var padding = new string(' ', Megabyte);
        var padded = name == "Return-Path" ? "<" + padding + "x>" : padding + value + padding;
        var email = TestEmails.Inbound("jane@fabrikam.com").WithHeader(name, padded);

        var outcome = RelevanceDecider.Decide(email, TestEmails.Basis, null);

        Assert.Equal(expected, outcome.Reason);
    }

    [Fact]
    public void MegabyteAntispamValueFindsTheBulkLevelAtItsEnd()
    {
        var value = string.Concat(Enumerable.Repeat("SFV:NSPM;BCL:;", Megabyte / 14)) + "BCL:9;";
        var email = TestEmails.Inbound("jane@fabrikam.com").WithHeader("X-Microsoft-Antispam", value);

        var outcome = RelevanceDecider.Decide(email, TestEmails.Basis, null);

        Assert.Equal("X-Microsoft-Antispam: BCL:9", outcome.Trace[2].Matched);
    }

    [Fact]
    public void MegabyteAddressIsNoParticipantMatch()
    {
        var email = TestEmails.Inbound(new string('a', Megabyte) + "@fabrikam.com" + new string('b', Megabyte));

        var outcome = RelevanceDecider.Decide(email, TestEmails.Basis, null);

        Assert.Equal(DecisionReason.NoProspect, outcome.Reason);
    }

    [Theory]
    [InlineData("bob@northwind.com", DecisionReason.Prospect)]
    [InlineData("blocked@adatum.com", DecisionReason.Excluded)]
    [InlineData("person@company0.example", DecisionReason.NoProspect)]
    public void TenThousandRecipientsAreAllLookedAt(string last, DecisionReason expected)
    {
        var email = TestEmails.Inbound("someone@else.example") with
        {
            To = HostileInputs.ManyRecipients(10_000, last),
        };

        var outcome = RelevanceDecider.Decide(email, TestEmails.Basis, null);

        Assert.Equal(expected, outcome.Reason);
    }

    [Fact]
    public async Task TenThousandRecipientsInAnEmlFileAreAllRead()
    {
        var recipients = HostileInputs.ManyRecipients(10_000, "bob@northwind.com");
        var to = string.Join(",\r\n ", recipients.Select(p => p.Address));
        var eml = $"From: someone@else.example\r\nTo: {to}\r\nSubject: all hands\r\n";

        var stream = new MemoryStream(Encoding.UTF8.GetBytes(eml));
        var fields = await MimeHeaderFields.LoadAsync(stream, FolderKind.Inbox, default);

        Assert.Equal(10_000, fields.To.Count);
        Assert.Equal(DecisionReason.Prospect, RelevanceDecider.Decide(fields, TestEmails.Basis, null).Reason);
    }

    [Fact]
    public void TenThousandRecipientsInGraphJsonAreAllRead()
    {
        var recipients = HostileInputs.ManyRecipients(10_000, "blocked@adatum.com")
            .Select(p => new { emailAddress = new { address = p.Address, name = p.Name } });
        var json = JsonSerializer.Serialize(new { ccRecipients = recipients });
        using var document = JsonDocument.Parse(json);

        var fields = GraphJsonHeaderFields.FromJson(document.RootElement, FolderKind.Inbox);

        Assert.Equal(10_000, fields.Cc.Count);
        Assert.Equal(DecisionReason.Excluded, RelevanceDecider.Decide(fields, TestEmails.Basis, null).Reason);
    }

    [Theory]
    [InlineData("{ \"subject\": \"\\uD800\", \"from\": { \"emailAddress\": { \"address\": \"jane@fabrikam.com\" } } }")]
    [InlineData("{ \"\\uDC00\": 1, \"from\": { \"emailAddress\": { \"address\": \"jane@fabrikam.com\" } } }")]
    [InlineData("{ \"from\": { \"emailAddress\": { \"address\": \"jane@fabrikam.com\", \"name\": \"\\uD800\" } } }")]
    public void LoneSurrogatesInJsonLeaveOnlyTheirOwnFieldOut(string json)
    {
        using var document = JsonDocument.Parse(json);

        var fields = GraphJsonHeaderFields.FromJson(document.RootElement, FolderKind.Inbox);

        Assert.Equal(DecisionReason.Prospect, RelevanceDecider.Decide(fields, TestEmails.Basis, null).Reason);
    }

    [Fact]
    public async Task BytesWithoutAHeaderBlockDecideNoProspect()
    {
        var bytes = new byte[] { 0xFF, 0xFE, 0x00, (byte)':', (byte)'\n', 0x80, 0x81 };

        var fields = await MimeHeaderFields.LoadAsync(new MemoryStream(bytes), FolderKind.Inbox, default);

        Assert.Equal(DecisionReason.NoProspect, RelevanceDecider.Decide(fields, TestEmails.Basis, null).Reason);
    }

    [Fact]
    public void NullsWhereTheAnnotationsForbidThemStillDecide()
    {
        var email = new HeaderFields
        {
            From = new EmailParty(null, null),
            To = [null!, new EmailParty("bob@northwind.com")],
            Cc = null!,
            ReplyTo = null!,
            References = null!,
            InternetMessageHeaders = [default, new EmailHeader(null!, null!)],
        };
        var threads = new SyncedThreads();
        threads.Add(null, null);

        var outcome = RelevanceDecider.Decide(email, TestEmails.Basis, threads);

        Assert.Equal(DecisionReason.Prospect, outcome.Reason);
    }

    [Theory]
    [InlineData("fabrikam.com", DecisionReason.AccountDomain)]
    [InlineData("spam.example", DecisionReason.Excluded)]
    [InlineData("else.example", DecisionReason.NoProspect)]
    public void MegabyteDomainOfDotsIsMatchedByItsTailInLinearTime(string tail, DecisionReason expected)
    {
        var domain = string.Concat(Enumerable.Repeat("a.", Megabyte / 2)) + tail;
        var email = TestEmails.Inbound("someone@else.example") with { Cc = [new EmailParty("x@" + domain)] };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var outcome = RelevanceDecider.Decide(email, TestEmails.Basis, null);

        Assert.Equal(expected, outcome.Reason);

        // Every suffix of the name would take minutes; the cut keeps it to one pass.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}
