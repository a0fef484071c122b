using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Generation;

/// <summary>Every scenario with its expected decision and reason.</summary>
public static class ScenarioCatalog
{
    private static readonly Scenario[] InboundThreadParents =
    [
        Scenario.ProspectInbound, Scenario.ProspectInCc, Scenario.ProspectEncodedWords,
        Scenario.ProspectFreeMail, Scenario.AccountDomainContact,
    ];

    public static IReadOnlyList<ScenarioInfo> All { get; } =
    [
        Inbox(Scenario.ProspectInbound, ExpectedReason.Prospect, 10),
        Inbox(Scenario.ProspectInCc, ExpectedReason.Prospect, 3),
        Inbox(Scenario.ProspectUpperCaseAddress, ExpectedReason.Prospect, 1),
        Inbox(Scenario.ProspectEncodedWords, ExpectedReason.Prospect, 2),
        Inbox(Scenario.ProspectLowBcl, ExpectedReason.Prospect, 2),
        Inbox(Scenario.ProspectPersonalSensitivity, ExpectedReason.Prospect, 1),
        Inbox(Scenario.ProspectFreeMail, ExpectedReason.Prospect, 2),
        Inbox(Scenario.AccountDomainContact, ExpectedReason.AccountDomain, 5),
        Inbox(Scenario.AccountDomainSubdomain, ExpectedReason.AccountDomain, 2),
        Inbox(Scenario.AccountDomainPlusAddress, ExpectedReason.AccountDomain, 1),
        Inbox(Scenario.AccountDomainOddLocalPart, ExpectedReason.AccountDomain, 1),
        Inbox(Scenario.ThreadReply, ExpectedReason.Thread, 4, InboundThreadParents),

        Inbox(Scenario.SensitivePrivateHeader, ExpectedReason.Sensitive, 1),
        Inbox(Scenario.SensitiveCompanyConfidential, ExpectedReason.Sensitive, 1),
        Inbox(Scenario.SensitivePropertyOnly, ExpectedReason.Sensitive, 1),
        Inbox(Scenario.ExcludedAddress, ExpectedReason.Excluded, 2),
        Inbox(Scenario.ExcludedDomain, ExpectedReason.Excluded, 2),
        Inbox(Scenario.ExcludedWildcardDomain, ExpectedReason.Excluded, 2),
        Inbox(Scenario.Newsletter, ExpectedReason.Automated, 15),
        Inbox(Scenario.AutoReply, ExpectedReason.Automated, 4),
        Inbox(Scenario.Bounce, ExpectedReason.Automated, 2),
        Inbox(Scenario.ReadReceipt, ExpectedReason.Automated, 2),
        Inbox(Scenario.NoReplySender, ExpectedReason.Automated, 8),
        Inbox(Scenario.HighBcl, ExpectedReason.Automated, 8),
        Inbox(Scenario.InternalOnly, ExpectedReason.InternalOnly, 12),
        Inbox(Scenario.InternalSubdomain, ExpectedReason.InternalOnly, 3),
        Inbox(Scenario.UnknownSender, ExpectedReason.NoProspect, 20),
        Inbox(Scenario.DisplayNameSpoof, ExpectedReason.NoProspect, 2),
        Inbox(Scenario.LookalikeDomain, ExpectedReason.NoProspect, 2),
        Inbox(Scenario.ReplyWithoutProspect, ExpectedReason.NoProspect, 3, [Scenario.UnknownSender]),

        Sent(Scenario.SentToProspect, ExpectedReason.Prospect, 8),
        Sent(Scenario.SentBccProspect, ExpectedReason.Prospect, 1),
        Sent(Scenario.SentToAccountDomain, ExpectedReason.AccountDomain, 3),
        Sent(Scenario.SentThreadReply, ExpectedReason.Thread, 3,
            [Scenario.SentToProspect, Scenario.SentToAccountDomain]),
        Sent(Scenario.SentSensitive, ExpectedReason.Sensitive, 1),
        Sent(Scenario.SentToExcluded, ExpectedReason.Excluded, 1),
        Sent(Scenario.SentInternal, ExpectedReason.InternalOnly, 10),
        Sent(Scenario.SentToUnknown, ExpectedReason.NoProspect, 10),
    ];

    private static readonly Dictionary<Scenario, ScenarioInfo> ByScenario =
        All.ToDictionary(s => s.Scenario);

    public static ScenarioInfo? Find(Scenario scenario) => ByScenario.GetValueOrDefault(scenario);

    private static ScenarioInfo Inbox(
        Scenario scenario, ExpectedReason reason, int weight, Scenario[]? parents = null) =>
        Create(scenario, MailFolderKind.Inbox, reason, weight, parents);

    private static ScenarioInfo Sent(
        Scenario scenario, ExpectedReason reason, int weight, Scenario[]? parents = null) =>
        Create(scenario, MailFolderKind.SentItems, reason, weight, parents);

    private static ScenarioInfo Create(
        Scenario scenario, MailFolderKind folder, ExpectedReason reason, int weight, Scenario[]? parents)
    {
        var decision = reason is ExpectedReason.Prospect or ExpectedReason.AccountDomain or ExpectedReason.Thread
            ? ExpectedDecision.Synced
            : ExpectedDecision.Ignored;
        return new ScenarioInfo(scenario, folder, decision, reason, weight, parents ?? []);
    }
}
