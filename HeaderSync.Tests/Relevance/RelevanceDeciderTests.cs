using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Sync;
using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Relevance;

namespace HeaderSync.Tests.Relevance;

public sealed class RelevanceDeciderTests
{
    private static RelevanceOutcome Decide(HeaderFields email, IThreadLookup? threads = null) =>
        RelevanceDecider.Decide(email, TestEmails.Basis, threads);

    [Theory]
    [InlineData("Private", "Sensitivity: Private")]
    [InlineData("Company-Confidential", "Sensitivity: Company-Confidential")]
    [InlineData("Confidential", "Sensitivity: Confidential")]
    [InlineData("  private ", "Sensitivity: Private")]
    [InlineData("COMPANY-CONFIDENTIAL", "Sensitivity: Company-Confidential")]
    public void SensitivityHeaderIgnoresEvenAProspectsEmail(string value, string matched)
    {
        var email = TestEmails.Inbound("jane@fabrikam.com").WithHeader("Sensitivity", value);

        var outcome = Decide(email);

        Assert.Equal((Decision.Ignored, DecisionReason.Sensitive), (outcome.Decision, outcome.Reason));
        Assert.Equal(matched, outcome.Trace[0].Matched);
    }

    [Theory]
    [InlineData("Personal")]
    [InlineData("Normal")]
    [InlineData("")]
    public void PersonalOrOtherSensitivityIsNotDecisive(string value)
    {
        var email = TestEmails.Inbound("jane@fabrikam.com").WithHeader("Sensitivity", value);

        var outcome = Decide(email);

        Assert.Equal(DecisionReason.Prospect, outcome.Reason);
        Assert.Equal(RuleResult.NotDecisive, outcome.Trace[0].Result);
    }

    [Theory]
    [InlineData(2, DecisionReason.Sensitive)]
    [InlineData(3, DecisionReason.Sensitive)]
    [InlineData(1, DecisionReason.Prospect)]
    [InlineData(0, DecisionReason.Prospect)]
    [InlineData(-5, DecisionReason.Prospect)]
    public void SensitivityPropertyDecidesSentMailWithoutHeaders(int value, DecisionReason expected)
    {
        var email = TestEmails.Sent("jane@fabrikam.com") with { SensitivityProperty = value };

        var outcome = Decide(email);

        Assert.Null(email.InternetMessageHeaders);
        Assert.Equal(expected, outcome.Reason);
    }

    [Theory]
    [InlineData("blocked@adatum.com", "blocked@adatum.com")]
    [InlineData("  <BLOCKED@Adatum.com> ", "blocked@adatum.com")]
    [InlineData("Someone <blocked@adatum.com>", "blocked@adatum.com")]
    [InlineData("anyone@spam.example", "spam.example")]
    [InlineData("x@deep.sub.SPAM.example", "spam.example")]
    public void ExcludedParticipantIgnoresEvenWithAProspectInCopy(string from, string matched)
    {
        var email = TestEmails.Inbound(from) with { Cc = TestEmails.Parties(["jane@fabrikam.com"]) };

        var outcome = Decide(email);

        Assert.Equal((Decision.Ignored, DecisionReason.Excluded), (outcome.Decision, outcome.Reason));
        Assert.Equal(matched, outcome.Trace[1].Matched);
    }

    [Theory]
    [InlineData("x@notspam.example")]
    [InlineData("blocked@adatum.com.evil")]
    [InlineData("\"blocked@adatum.com\" <x@evil.com>")]
    [InlineData("blocked+1@adatum.com")]
    public void NearMissesOfAnExclusionAreNotExcluded(string from)
    {
        var outcome = Decide(TestEmails.Inbound(from));

        Assert.NotEqual(DecisionReason.Excluded, outcome.Reason);
        Assert.Equal(RuleResult.NotDecisive, outcome.Trace[1].Result);
    }

    [Fact]
    public void BccCountsOnlyForSentMail()
    {
        var sent = TestEmails.Sent("bob@northwind.com", "blocked@adatum.com");
        var inbox = sent with { Folder = FolderKind.Inbox, InternetMessageHeaders = [] };

        Assert.Equal(DecisionReason.Excluded, Decide(sent).Reason);
        Assert.Equal(DecisionReason.Prospect, Decide(inbox).Reason);
    }

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied", "Auto-Submitted: auto-replied")]
    [InlineData("Auto-Submitted", "auto-generated; owner-email=x@y.com", "Auto-Submitted: auto-generated")]
    [InlineData("auto-submitted", "AUTO-NOTIFIED", "Auto-Submitted: AUTO-NOTIFIED")]
    [InlineData("List-Id", "<news.fabrikam.com>", "List-Id")]
    [InlineData("LIST-UNSUBSCRIBE", "<mailto:u@fabrikam.com>", "List-Unsubscribe")]
    [InlineData("Precedence", "bulk", "Precedence: bulk")]
    [InlineData("Precedence", " Junk ", "Precedence: junk")]
    [InlineData("precedence", "list", "Precedence: list")]
    [InlineData("Return-Path", "<>", "Return-Path: <>")]
    [InlineData("Return-Path", " < > ", "Return-Path: <>")]
    [InlineData("X-Autoreply", "yes", "X-Autoreply")]
    [InlineData("X-Autorespond", "", "X-Autorespond")]
    [InlineData("Content-Type", "multipart/report; report-type=delivery-status", "Content-Type: multipart/report")]
    [InlineData("X-Microsoft-Antispam", "BCL:7;", "X-Microsoft-Antispam: BCL:7")]
    [InlineData("X-Microsoft-Antispam", "ARA:1444111002;BCL:9;", "X-Microsoft-Antispam: BCL:9")]
    [InlineData("X-Microsoft-Antispam", "BCL: 8", "X-Microsoft-Antispam: BCL:8")]
    public void AutomatedHeaderSignIgnoresAProspectsEmail(string name, string value, string matched)
    {
        var email = TestEmails.Inbound("jane@fabrikam.com").WithHeader(name, value);

        var outcome = Decide(email);

        Assert.Equal((Decision.Ignored, DecisionReason.Automated), (outcome.Decision, outcome.Reason));
        Assert.Equal(matched, outcome.Trace[2].Matched);
    }

    [Theory]
    [InlineData("Auto-Submitted", "no")]
    [InlineData("Auto-Submitted", " NO ")]
    [InlineData("Precedence", "first-class")]
    [InlineData("Precedence", "bulky")]
    [InlineData("Return-Path", "<bounce@fabrikam.com>")]
    [InlineData("Content-Type", "multipart/mixed; boundary=report")]
    [InlineData("X-Microsoft-Antispam", "BCL:6;")]
    [InlineData("X-Microsoft-Antispam", "BCL:0;ARA:13230040")]
    [InlineData("X-Microsoft-Antispam", "XBCL:9;")]
    [InlineData("X-Microsoft-Antispam-Mailbox-Delivery", "BCL:9;")]
    [InlineData("X-List-Id-Like", "x")]
    public void LookalikeHeadersAreNotAutomated(string name, string value)
    {
        var email = TestEmails.Inbound("jane@fabrikam.com").WithHeader(name, value);

        var outcome = Decide(email);

        Assert.Equal(DecisionReason.Prospect, outcome.Reason);
    }

    [Theory]
    [InlineData("no-reply@fabrikam.com")]
    [InlineData("NoReply@fabrikam.com")]
    [InlineData("do-not-reply@fabrikam.com")]
    [InlineData("donotreply@fabrikam.com")]
    [InlineData("mailer-daemon@fabrikam.com")]
    [InlineData("postmaster@fabrikam.com")]
    [InlineData("bounce@fabrikam.com")]
    [InlineData("bounces@fabrikam.com")]
    public void NoReplySenderIsAutomatedWithoutAnyHeader(string from)
    {
        var email = TestEmails.Sent("jane@fabrikam.com") with { From = new EmailParty(from) };

        var outcome = Decide(email);

        Assert.Equal(DecisionReason.Automated, outcome.Reason);
        Assert.Equal(from.ToLowerInvariant(), outcome.Trace[2].Matched);
    }

    [Fact]
    public void NoReplyInSenderFieldIsAutomatedButInToIsNot()
    {
        var viaSender = TestEmails.Inbound("jane@fabrikam.com") with { Sender = new("noreply@crm.example") };
        var viaTo = TestEmails.Inbound("jane@fabrikam.com", "noreply@crm.example");

        Assert.Equal(DecisionReason.Automated, Decide(viaSender).Reason);
        Assert.Equal(DecisionReason.Prospect, Decide(viaTo).Reason);
    }

    [Theory]
    [InlineData("no-reply+x@fabrikam.com")]
    [InlineData("\"noreply@x.com\" <jane@fabrikam.com>")]
    [InlineData("noreplyx@fabrikam.com")]
    public void NoReplyLookalikesAreNotAutomated(string from)
    {
        var outcome = Decide(TestEmails.Inbound(from, "seller@contoso.com"));

        Assert.NotEqual(DecisionReason.Automated, outcome.Reason);
    }

    [Fact]
    public void EveryParticipantInternalIsInternalOnly()
    {
        var email = TestEmails.Inbound("ceo@contoso.com", "seller@EU.contoso.com") with
        {
            Cc = TestEmails.Parties(["ops@contoso.com"]),
        };

        var outcome = Decide(email);

        Assert.Equal((Decision.Ignored, DecisionReason.InternalOnly), (outcome.Decision, outcome.Reason));
        Assert.Equal("contoso.com", outcome.Trace[3].Matched);
    }

    [Theory]
    [InlineData("ceo@contoso.com", "someone@notcontoso.com", DecisionReason.NoProspect)]
    [InlineData("ceo@contoso.com", "jane@fabrikam.com", DecisionReason.Prospect)]
    [InlineData("ceo@contoso.com.evil.com", "seller@contoso.com", DecisionReason.NoProspect)]
    public void OneExternalParticipantIsNotInternalOnly(string from, string to, DecisionReason expected)
    {
        var outcome = Decide(TestEmails.Inbound(from, to));

        Assert.Equal(expected, outcome.Reason);
    }

    [Fact]
    public void SentMailWithExternalBccIsNotInternalOnly()
    {
        var email = TestEmails.Sent("colleague@contoso.com", "jane@fabrikam.com");

        Assert.Equal(DecisionReason.Prospect, Decide(email).Reason);
        Assert.Equal(DecisionReason.InternalOnly, Decide(email with { Bcc = [] }).Reason);
    }

    [Fact]
    public void EmailWithoutAnyUsableAddressIsNoProspectNotInternalOnly()
    {
        var email = new HeaderFields { From = new EmailParty("undisclosed-recipients:;"), To = [new(null)] };

        var outcome = Decide(email);

        Assert.Equal(DecisionReason.NoProspect, outcome.Reason);
    }

    [Theory]
    [InlineData("jane@fabrikam.com", "jane@fabrikam.com")]
    [InlineData("JANE@FABRIKAM.COM", "jane@fabrikam.com")]
    [InlineData("<bob@northwind.com>", "bob@northwind.com")]
    [InlineData(" Bob <Bob@Northwind.com> ", "bob@northwind.com")]
    [InlineData("anna@xn--bcher-kva.de", "anna@xn--bcher-kva.de")]
    [InlineData("anna@BÜCHER.de", "anna@xn--bcher-kva.de")]
    [InlineData("\"bob smith\"@litware.com", "\"bob smith\"@litware.com")]
    public void ProspectAddressIsSyncedWhateverItsSpelling(string from, string matched)
    {
        var outcome = Decide(TestEmails.Inbound(from));

        Assert.Equal((Decision.Synced, DecisionReason.Prospect), (outcome.Decision, outcome.Reason));
        Assert.Equal(matched, outcome.Trace[4].Matched);
    }

    [Theory]
    [InlineData("bob+deals@northwind.com")]
    [InlineData("b.o.b@northwind.com")]
    [InlineData("\"bob@northwind.com\" <x@evil.com>")]
    [InlineData("bob@northwind.com.evil.com")]
    [InlineData("bob@sub.northwind.com")]
    public void AddressesThatOnlyLookLikeAProspectAreNoProspect(string from)
    {
        var outcome = Decide(TestEmails.Inbound(from));

        Assert.Equal((Decision.Ignored, DecisionReason.NoProspect), (outcome.Decision, outcome.Reason));
    }

    [Fact]
    public void ProspectCountsInEveryParticipantField()
    {
        var inbound = TestEmails.Inbound("someone@else.com");

        Assert.Equal(DecisionReason.Prospect, Decide(inbound with { Sender = new("bob@northwind.com") }).Reason);
        Assert.Equal(DecisionReason.Prospect, Decide(inbound with { ReplyTo = [new("bob@northwind.com")] }).Reason);
        Assert.Equal(DecisionReason.Prospect, Decide(inbound with { Cc = [new("bob@northwind.com")] }).Reason);
        Assert.Equal(DecisionReason.NoProspect, Decide(inbound with { Bcc = [new("bob@northwind.com")] }).Reason);
    }

    [Theory]
    [InlineData("ceo@fabrikam.com", "fabrikam.com")]
    [InlineData("ceo@eu.Fabrikam.com", "fabrikam.com")]
    [InlineData("buyer@tailspin.com", "tailspin.com")]
    public void AccountDomainParticipantIsSynced(string from, string matched)
    {
        var outcome = Decide(TestEmails.Inbound(from));

        Assert.Equal((Decision.Synced, DecisionReason.AccountDomain), (outcome.Decision, outcome.Reason));
        Assert.Equal(matched, outcome.Trace[5].Matched);
    }

    [Theory]
    [InlineData("ceo@notfabrikam.com")]
    [InlineData("ceo@fabrikam.com.evil")]
    [InlineData("someone@gmail.com")]
    [InlineData("\"ceo@fabrikam.com\" <x@evil.com>")]
    public void NoAccountDomainMatchForLookalikesOrFreeMail(string from)
    {
        var outcome = Decide(TestEmails.Inbound(from));

        Assert.Equal(DecisionReason.NoProspect, outcome.Reason);
    }

    [Fact]
    public void ColleagueInASubdomainOfAnAccountDomainIsNoAccountDomainMatch()
    {
        var basis = BasisIndex.Create(new RelevanceBasis
        {
            InternalDomains = ["sales.fabrikam.com"],
            AccountDomains = ["fabrikam.com"],
        });
        var email = TestEmails.Inbound("colleague@sales.fabrikam.com", "someone@else.example");

        var outcome = RelevanceDecider.Decide(email, basis, null);

        Assert.Equal(DecisionReason.NoProspect, outcome.Reason);
    }

    [Fact]
    public void AccountDomainMatchingOffSkipsTheRule()
    {
        var basis = BasisIndex.Create(TestEmails.CreateBasis() with { AccountDomainMatching = false });

        var outcome = RelevanceDecider.Decide(TestEmails.Inbound("ceo@fabrikam.com"), basis, null);

        Assert.Equal(DecisionReason.NoProspect, outcome.Reason);
        Assert.Equal(RuleResult.Skipped, outcome.Trace[5].Result);
    }

    [Fact]
    public void ThreadRuleIsSkippedWithoutALookup()
    {
        var email = TestEmails.Inbound("x@else.com") with { InReplyTo = "<a@b>", ConversationId = "c1" };

        var outcome = Decide(email);

        Assert.Equal(DecisionReason.NoProspect, outcome.Reason);
        Assert.Equal(new RuleTrace(DecisionReason.Thread, RuleResult.Skipped, null), outcome.Trace[6]);
    }

    [Theory]
    [InlineData("<synced@x>", null, null, "In-Reply-To: <synced@x>")]
    [InlineData("<other@x>", "<old@x> <synced@x>", null, "References: <synced@x>")]
    [InlineData(null, null, "conv-1", "conversationId: conv-1")]
    public void ReplyToASyncedEmailIsThread(string? inReplyTo, string? references, string? conversation, string matched)
    {
        var threads = new SyncedThreads();
        threads.Add("synced@x", null);
        threads.Add(null, "conv-1");
        var email = TestEmails.Inbound("x@else.com") with
        {
            InReplyTo = inReplyTo,
            References = MessageIds.ParseList(references),
            ConversationId = conversation,
        };

        var outcome = Decide(email, threads);

        Assert.Equal((Decision.Synced, DecisionReason.Thread), (outcome.Decision, outcome.Reason));
        Assert.Equal(matched, outcome.Trace[6].Matched);
    }

    [Fact]
    public void UnknownThreadFallsThroughToNoProspect()
    {
        var threads = new SyncedThreads();
        threads.Add("<synced@x>", null);
        var email = TestEmails.Inbound("x@else.com") with { InReplyTo = "<SYNCED@x>", ConversationId = "c2" };

        var outcome = Decide(email, threads);

        Assert.Equal(DecisionReason.NoProspect, outcome.Reason);
        Assert.Equal(RuleResult.NotDecisive, outcome.Trace[6].Result);
    }
}
