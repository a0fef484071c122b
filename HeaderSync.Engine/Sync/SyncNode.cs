using System.Diagnostics;

namespace HeaderSync.Engine.Sync;

/// <summary>Names this process in leases and run records, so support can tell who ran what.</summary>
public sealed class SyncNode
{
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Whether a lease owner ("machine:pid/run") names a process of this machine that has ended.</summary>
    public static bool IsDeadProcessOfThisMachine(string owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var prefix = $"{Environment.MachineName}:";
        var slash = owner.IndexOf('/', StringComparison.Ordinal);
        if (!owner.StartsWith(prefix, StringComparison.Ordinal) || slash < 0
            || !int.TryParse(owner.AsSpan(prefix.Length, slash - prefix.Length), out var pid))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
