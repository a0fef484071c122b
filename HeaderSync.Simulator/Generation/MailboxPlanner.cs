using HeaderSync.Simulator;
using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Generation;

/// <summary>
/// Lays out one mailbox: a folder, a scenario and a date per message. The first messages cover
/// every scenario once, so even a small mailbox shows every reason; the rest are drawn by weight
/// with <see cref="SimulatorOptions.RelevantShare"/> of inbox and sent mail meant to be synced.
/// </summary>
internal static class MailboxPlanner
{
    private const int HistoryDays = 60;
    private const int RecentParents = 20;

    private static readonly MailFolderKind[] OtherFolders =
        [MailFolderKind.Drafts, MailFolderKind.DeletedItems, MailFolderKind.Archive, MailFolderKind.JunkEmail];

    private static readonly List<(MailFolderKind Folder, Scenario Scenario)> Coverage =
    [
        .. ScenarioCatalog.All.Where(s => !s.NeedsParent).Select(s => (s.Folder, s.Scenario)),
        .. ScenarioCatalog.All.Where(s => s.NeedsParent).Select(s => (s.Folder, s.Scenario)),
        .. OtherFolders.Select(f => (f, Scenario.OtherFolder)),
    ];

    public static MessagePlan[] Plan(SimulatorOptions options, int mailbox, DateTimeOffset clock)
    {
        var rng = new SeededRandom(options.Seed, 2, mailbox);
        var count = options.MessagesPerMailbox;
        var plans = new MessagePlan[count];
        var byScenario = new Dictionary<Scenario, List<int>>();
        var start = clock.AddDays(-HistoryDays).ToUnixTimeSeconds();
        var step = HistoryDays * 86_400.0 / (count + 1);

        for (var i = 0; i < count; i++)
        {
            var (folder, scenario) = i < Coverage.Count ? Coverage[i] : Draw(rng, options.RelevantShare);
            var parent = -1;
            var info = ScenarioCatalog.Find(scenario);
            if (info is { NeedsParent: true })
            {
                parent = PickParent(rng, info, byScenario);
                if (parent < 0)
                {
                    scenario = folder == MailFolderKind.Inbox ? Scenario.ProspectInbound : Scenario.SentToProspect;
                }
            }

            if (!byScenario.TryGetValue(scenario, out var list))
            {
                byScenario[scenario] = list = [];
            }

            list.Add(i);
            var jitter = rng.Next((int)Math.Max(1, step / 2));
            plans[i] = new MessagePlan(i, folder, scenario, parent, start + (long)(step * (i + 1)) - jitter);
        }

        return plans;
    }

    private static (MailFolderKind, Scenario) Draw(SeededRandom rng, double relevantShare)
    {
        var roll = rng.Next(100);
        if (roll >= 90)
        {
            return (rng.Pick(OtherFolders), Scenario.OtherFolder);
        }

        var folder = roll < 60 ? MailFolderKind.Inbox : MailFolderKind.SentItems;
        var decision = rng.Chance(relevantShare) ? ExpectedDecision.Synced : ExpectedDecision.Ignored;
        var candidates = ScenarioCatalog.All
            .Where(s => s.Folder == folder && s.Decision == decision)
            .ToList();
        var total = candidates.Sum(s => s.Weight);
        var pick = rng.Next(total);
        foreach (var candidate in candidates)
        {
            pick -= candidate.Weight;
            if (pick < 0)
            {
                return (folder, candidate.Scenario);
            }
        }

        return (folder, candidates[^1].Scenario);
    }

    private static int PickParent(
        SeededRandom rng, ScenarioInfo info, Dictionary<Scenario, List<int>> byScenario)
    {
        var recent = info.Parents
            .SelectMany(p => byScenario.TryGetValue(p, out var l) ? l.TakeLast(RecentParents) : [])
            .ToList();
        return recent.Count == 0 ? -1 : rng.Pick(recent);
    }
}
