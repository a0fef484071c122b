namespace HeaderSync.Data.Decisions;

/// <summary>How one rule took part in a decision, as recorded in its trace.</summary>
public enum RuleResult
{
    Skipped = 0,
    NotDecisive = 1,
    Decisive = 2,
}
