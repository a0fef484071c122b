using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Relevance;

namespace HeaderSync.Tests.Basis;

public sealed class ThreadKeysTests
{
    [Fact]
    public void CollectsEveryKeyTheThreadRuleAsksAbout()
    {
        var email = new HeaderFields
        {
            InReplyTo = "<p@x>",
            References = ["<r@x>", "<p@x>", ""],
            ConversationId = "conv",
        };
        var messageIds = new HashSet<string>(StringComparer.Ordinal);
        var conversations = new HashSet<string>(StringComparer.Ordinal);

        ThreadKeys.Collect(email, messageIds, conversations);

        Assert.Equal(["<p@x>", "<r@x>"], messageIds.Order());
        Assert.Equal(["conv"], conversations);
    }

    [Theory]
    [InlineData("<p@x>")]
    [InlineData("<r@x>")]
    [InlineData("conv")]
    public void LookupFilledFromTheCollectedKeysFindsTheThread(string synced)
    {
        var email = new HeaderFields
        {
            From = new EmailParty("x@else.example"),
            InReplyTo = "<p@x>",
            References = ["<r@x>"],
            ConversationId = "conv",
        };
        var messageIds = new HashSet<string>(StringComparer.Ordinal);
        var conversations = new HashSet<string>(StringComparer.Ordinal);
        ThreadKeys.Collect(email, messageIds, conversations);

        // Stands in for the database: only the synced key comes back from the query.
        var threads = new InMemoryThreadLookup();
        foreach (var id in messageIds.Where(id => id == synced))
        {
            threads.AddMessage(id);
        }

        foreach (var id in conversations.Where(id => id == synced))
        {
            threads.AddConversation(id);
        }

        var outcome = RelevanceDecider.Decide(email, BasisIndex.Empty, threads);

        Assert.Equal(DecisionReason.Thread, outcome.Reason);
    }
}
