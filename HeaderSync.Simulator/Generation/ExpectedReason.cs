namespace HeaderSync.Simulator.Generation;

/// <summary>The reasons of DESIGN.md, spelled as the product spells them.</summary>
public enum ExpectedReason
{
    Sensitive,
    Excluded,
    Automated,
    InternalOnly,
    Prospect,
    AccountDomain,
    Thread,
    NoProspect,
}
