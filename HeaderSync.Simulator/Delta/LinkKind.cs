namespace HeaderSync.Simulator.Delta;

/// <summary>Which kind of paging a link token continues.</summary>
internal enum LinkKind : byte
{
    MessageList = 1,
    DeltaInitial = 2,
    DeltaChanges = 3,
    DeltaNextRound = 4,
    Users = 5,
}
