namespace HeaderSync.Data.Decisions;

/// <summary>The rule that decided an email; the names are the product's contract.</summary>
public enum DecisionReason
{
    Sensitive = 1,
    Excluded = 2,
    Automated = 3,
    InternalOnly = 4,
    Prospect = 5,
    AccountDomain = 6,
    Thread = 7,
    NoProspect = 8,

    // Only an admin's erase-person request produces this reason; no rule does.
    Erased = 9,
}
