namespace HeaderSync.Data.Decisions;

/// <summary>What the engine did with one email.</summary>
public enum Decision
{
    Ignored = 0,
    Synced = 1,
}
