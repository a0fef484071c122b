namespace HeaderSync.Data.Audit;

/// <summary>Something an admin, the command line or the engine did that someone may need to answer for.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public string? Target { get; set; }

    // JSON snapshots; null where the action has no before or after.
    public string? Before { get; set; }

    public string? After { get; set; }
}
