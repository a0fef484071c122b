namespace HeaderSync.Simulator.Delta;

/// <summary>What a delta round reports for a message in one folder.</summary>
internal enum ChangeKind
{
    Upserted,
    Removed,
}
