namespace HeaderSync.Engine.Sync;

/// <summary>Recorded on a run stopped from outside, such as a shutdown; not a failure of the mailbox.</summary>
public sealed class SyncCancelledException() : Exception("The sync was stopped before it finished.");
