using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Sync;
using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Relevance;

namespace HeaderSync.Tests.Relevance;

public sealed class RuleTraceTests
{
    public static TheoryData<string, DecisionReason> Emails => new()
    {
        { "Sensitive", DecisionReason.Sensitive },
        { "Excluded", DecisionReason.Excluded },
        { "Automated", DecisionReason.Automated },
        { "InternalOnly", DecisionReason.InternalOnly },
        { "Prospect", DecisionReason.Prospect },
        { "AccountDomain", DecisionReason.AccountDomain },
        { "Thread", DecisionReason.Thread },
        { "NoProspect", DecisionReason.NoProspect },
    };

    [Theory]
    [MemberData(nameof(Emails))]
    public void TraceListsEveryRuleInOrderWithOneDecisiveAndLaterOnesSkipped(
        string kind, DecisionReason expected)
    {
        var threads = new SyncedThreads();
        threads.Add(null, "synced-conversation");

        var outcome = RelevanceDecider.Decide(Email(kind), TestEmails.Basis, threads);

        Assert.Equal(expected, outcome.Reason);
        Assert.Equal(RelevanceDecider.RuleOrder, outcome.Trace.Select(t => t.Rule));
        var decisive = outcome.Trace.ToList().FindIndex(t => t.Result == RuleResult.Decisive);
        Assert.Equal(expected, outcome.Trace[decisive].Rule);
        Assert.All(outcome.Trace.Take(decisive), t => Assert.Equal(RuleResult.NotDecisive, t.Result));
        Assert.All(outcome.Trace.Skip(decisive + 1), t => Assert.Equal(RuleResult.Skipped, t.Result));
        Assert.All(outcome.Trace.Skip(decisive + 1), t => Assert.Null(t.Matched));
    }

    [Fact]
    public void DecisionFollowsTheReason()
    {
        var synced = new[] { DecisionReason.Prospect, DecisionReason.AccountDomain, DecisionReason.Thread };

        foreach (var reason in RelevanceDecider.RuleOrder)
        {
            var expected = synced.Contains(reason) ? Decision.Synced : Decision.Ignored;
            Assert.Equal(expected, RelevanceDecider.DecisionOf(reason));
        }
    }

    private static HeaderFields Email(string kind) => kind switch
    {
        "Sensitive" => TestEmails.Inbound("jane@fabrikam.com").WithHeader("Sensitivity", "Private"),
        "Excluded" => TestEmails.Inbound("blocked@adatum.com"),
        "Automated" => TestEmails.Inbound("jane@fabrikam.com").WithHeader("List-Id", "x"),
        "InternalOnly" => TestEmails.Inbound("a@contoso.com"),
        "Prospect" => TestEmails.Inbound("jane@fabrikam.com"),
        "AccountDomain" => TestEmails.Inbound("ceo@fabrikam.com"),
        "Thread" => TestEmails.Inbound("x@else.com") with { ConversationId = "synced-conversation" },
        _ => TestEmails.Inbound("x@else.com"),
    };
}
