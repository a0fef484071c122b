using HeaderSync.Data.Decisions;
using HeaderSync.Data.Runs;

namespace HeaderSync.Engine.Sync;

/// <summary>What one sync of one mailbox did; the command line prints it as one JSON line.</summary>
public sealed record SyncResult(
    string Mailbox,
    string? GraphUserId,
    SyncMode Mode,
    bool Full,
    int HeadersScanned,
    int Synced,
    int Ignored,
    int BodiesDownloaded,
    int Requests,
    int Throttled,
    long DurationMs,
    SyncOutcome Outcome,
    string? Error)
{
    /// <summary>Skipped because another sync holds the mailbox's lease.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Held { get; init; }
}
