namespace HeaderSync.Data.Decisions;

/// <summary>How a delta round reads mail: headers first, or everything at once.</summary>
public enum SyncMode
{
    HeaderOnly = 1,
    Standard = 2,
}
