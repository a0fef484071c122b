using System.Text.Json;
using HeaderSync.Data.Decisions;

namespace HeaderSync.Web.Review;

/// <summary>What the Review drawer shows of one email: the trace, and for a synced one its content.</summary>
public sealed record EmailDetail(
    long Id,
    string? Subject,
    Decision Decision,
    DecisionReason Reason,
    SyncMode Mode,
    IReadOnlyList<TraceStep> Trace,
    string? SafeHtml,
    string? Text,
    string? Headers,
    bool BodyDownloaded,
    DateTimeOffset? ContentPurgedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<TraceStep> ParseTrace(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        return JsonSerializer.Deserialize<List<TraceStep>>(json, Json) ?? [];
    }
}

/// <summary>One rule of a decision's trace.</summary>
public sealed record TraceStep(string Rule, string Result, string? Matched);
