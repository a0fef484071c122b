namespace HeaderSync.Engine.Sync;

/// <summary>One synced email whose body is still to be fetched.</summary>
public readonly record struct BodyJob(long DecisionId, string GraphMessageId);
