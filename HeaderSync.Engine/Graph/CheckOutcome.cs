namespace HeaderSync.Engine.Graph;

/// <summary>How one call of a connection check went.</summary>
public enum CheckOutcome
{
    Ok,
    MissingPermission,
    Failed,
    Skipped,
}
