using System.Text.Json;

namespace HeaderSync.Bench.Hosting;

/// <summary>What the simulated tenant counted for one mailbox (<c>/_simulator/stats</c>).</summary>
internal sealed record MailboxCounts(
    long Requests, long Throttled, long InboxPages, long SentPages, long MessageRequests, long ResponseBytes,
    long PeakConcurrentRequests)
{
    public long Pages => InboxPages + SentPages;

    public static MailboxCounts From(JsonElement stats)
    {
        var delta = stats.GetProperty("deltaRequestsByFolder");
        long Folder(string name) => delta.TryGetProperty(name, out var value) ? value.GetInt64() : 0;
        return new MailboxCounts(
            stats.GetProperty("requests").GetInt64(),
            stats.GetProperty("throttled").GetInt64(),
            Folder("inbox"),
            Folder("sentitems"),
            stats.GetProperty("messageRequests").GetInt64(),
            stats.GetProperty("responseBytes").GetInt64(),
            stats.GetProperty("peakConcurrentRequests").GetInt64());
    }

    /// <summary>What happened between two readings (the peak is the tenant's, since it started).</summary>
    public MailboxCounts Since(MailboxCounts? before) => before is null ? this : new MailboxCounts(
        Requests - before.Requests, Throttled - before.Throttled, InboxPages - before.InboxPages,
        SentPages - before.SentPages, MessageRequests - before.MessageRequests,
        ResponseBytes - before.ResponseBytes, PeakConcurrentRequests);
}
