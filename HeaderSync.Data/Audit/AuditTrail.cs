using System.Text.Json;
using HeaderSync.Data.Database;

namespace HeaderSync.Data.Audit;

/// <summary>Adds audit events to a context; they are saved with the change they describe.</summary>
public static class AuditTrail
{
    public static void Add(
        HeaderSyncDbContext db, DateTimeOffset at, string actor, string action, string? target,
        object? before = null, object? after = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditEvents.Add(new AuditEvent
        {
            At = at,
            Actor = actor,
            Action = action,
            Target = target,
            Before = before is null ? null : JsonSerializer.Serialize(before),
            After = after is null ? null : JsonSerializer.Serialize(after),
        });
    }
}
