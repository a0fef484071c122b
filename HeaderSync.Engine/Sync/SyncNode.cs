namespace HeaderSync.Engine.Sync;

/// <summary>Names this process in leases and run records, so support can tell who ran what.</summary>
public sealed class SyncNode
{
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
