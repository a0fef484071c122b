namespace HeaderSync.Engine.Relevance;

/// <summary>The changes to the basis the rule tester tries on a copy of it.</summary>
public enum BasisChangeKind
{
    AddProspect = 1,
    AddAccountDomain = 2,
    RemoveExclusion = 3,
    RemoveInternalDomain = 4,
    AddExclusion = 5,
}
