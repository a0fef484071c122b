using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Generation;

/// <summary>Where a scenario lives, what it should be decided and how often it is drawn.</summary>
public sealed record ScenarioInfo(
    Scenario Scenario,
    MailFolderKind Folder,
    ExpectedDecision? Decision,
    ExpectedReason? Reason,
    int Weight,
    IReadOnlyList<Scenario> Parents)
{
    public bool NeedsParent => Parents.Count > 0;
}
