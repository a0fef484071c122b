using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Sync;
using HeaderSync.Simulator.Generation;

namespace HeaderSync.Tests.Nodes;

// Two real portal processes on PostgreSQL, Quartz's clustered store and the Redis backplane.
public sealed class TwoNodeTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Fact]
    public void EveryMailboxIsSyncedAndBothNodesRanJobs()
    {
        var completed = cluster.Runs.Where(r => r.Outcome == SyncOutcome.Completed).ToList();

        Assert.Equal(ClusterFixture.MailboxCount, cluster.Mailboxes.Count);
        Assert.Equal(cluster.Mailboxes.Keys.Order(), completed.Select(r => r.MailboxId).Distinct().Order());
        Assert.Contains(completed, r => r.Node == cluster.NodeA);
        Assert.Contains(completed, r => r.Node == cluster.NodeB);
        Assert.All(cluster.Runs, r => Assert.True(r.Node == cluster.NodeA || r.Node == cluster.NodeB, r.Node));
    }

    [Fact]
    public void RunsOfOneMailboxNeverOverlapWhicheverNodeRanThem()
    {
        foreach (var runs in cluster.Runs.GroupBy(r => r.MailboxId))
        {
            var ordered = runs.OrderBy(r => r.StartedAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var before = ordered[i - 1];
                var end = before.EndedAt ?? (before.Node == cluster.NodeA ? cluster.KilledAt : DateTimeOffset.MaxValue);
                Assert.True(end <= ordered[i].StartedAt,
                    $"{cluster.Mailboxes[runs.Key]}: the run on {before.Node} from {before.StartedAt:O} to {end:O} "
                    + $"overlaps the run on {ordered[i].Node} from {ordered[i].StartedAt:O}.");
            }
        }
    }

    [Fact]
    public void TheTenantNeverSawMoreThanFourConcurrentRequestsForAMailbox()
    {
        Assert.Equal(ClusterFixture.MailboxCount, cluster.Stats.Count);
        Assert.All(cluster.Stats, s => Assert.InRange(s.PeakConcurrentRequests, 1, 4));
    }

    [Fact]
    public void ASyncCutShortByAKilledNodeIsFinishedByTheOtherWithNothingLostOrDoubled()
    {
        var interrupted = cluster.Runs.Where(r => r.Node == cluster.NodeA && r.EndedAt is null).ToList();

        Assert.NotEmpty(interrupted);
        Assert.All(interrupted, cut => Assert.Equal(
            (SyncOutcome.Failed, SyncOutcomes.InterruptedError), (cut.Outcome!.Value, cut.Error)));
        Assert.All(interrupted, cut => Assert.Contains(cluster.Runs, r => r.MailboxId == cut.MailboxId
            && r.Node == cluster.NodeB && r.StartedAt >= cluster.KilledAt && r.Outcome == SyncOutcome.Completed));
        foreach (var (mailboxId, address) in cluster.Mailboxes)
        {
            var stored = cluster.Decisions.Where(d => d.MailboxId == mailboxId)
                .ToDictionary(d => d.GraphMessageId, d => d.Decision);
            var expected = cluster.Expected[address].ToDictionary(
                m => m.Id, m => m.ExpectedDecision == ExpectedDecision.Synced ? Decision.Synced : Decision.Ignored);
            Assert.Equal(expected.Keys.Order(), stored.Keys.Order());
            Assert.Equal(expected, stored);
        }

        Assert.Equal(cluster.Decisions.Count, cluster.DailyCountTotal);
        Assert.Equal(cluster.Decisions.Count(d => d.Decision == Decision.Synced), cluster.StoredBodies);
        Assert.DoesNotContain(cluster.Decisions, d => d.Decision == Decision.Synced && !d.BodyDownloaded);
    }

    [Fact]
    public void AHubClientOnNodeBSeesTheLiveStatusOfASyncRunningOnNodeA()
    {
        var seen = cluster.StatusesSeenOnB.Where(s => cluster.IsLiveStatusOfARunOnNodeA(s, cluster.Runs)).ToList();

        Assert.NotEmpty(seen);
    }
}
