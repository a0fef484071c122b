using System.Diagnostics.Metrics;
using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Sync;

namespace HeaderSync.Engine.Diagnostics;

/// <summary>
/// The engine's instruments on the <c>HeaderSync</c> meter. Every measurement carries the
/// mailbox's owner address, so an operator can tell which mailbox reads, waits or fails.
/// </summary>
public sealed class SyncMetrics
{
    public const string MeterName = "HeaderSync";

    // Seconds: a delta round of a quiet mailbox takes a second, a first full sync up to hours.
    private static readonly IReadOnlyList<double> DurationBuckets =
        [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200];

    private readonly Counter<long> headersScanned;
    private readonly Counter<long> bodiesDownloaded;
    private readonly Counter<long> decisions;
    private readonly Counter<long> promotions;
    private readonly Counter<long> requests;
    private readonly Counter<long> throttled;
    private readonly Counter<long> failures;
    private readonly Histogram<double> duration;

    public SyncMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        headersScanned = meter.CreateCounter<long>(
            "headersync.headers_scanned", "{email}",
            "Emails whose header fields the header pass read.");
        bodiesDownloaded = meter.CreateCounter<long>(
            "headersync.bodies_downloaded", "{email}", "Bodies of synced emails downloaded.");
        decisions = meter.CreateCounter<long>(
            "headersync.decisions", "{email}", "New emails decided, by decision and reason.");
        promotions = meter.CreateCounter<long>(
            "headersync.decisions.promoted", "{email}",
            "Ignored emails re-decided as synced, by their new reason.");
        requests = meter.CreateCounter<long>(
            "headersync.graph.requests", "{request}",
            "Requests sent to Microsoft Graph, retries included.");
        throttled = meter.CreateCounter<long>(
            "headersync.graph.throttled", "{response}", "Graph answers 429 Too Many Requests.");
        failures = meter.CreateCounter<long>(
            "headersync.sync.failures", "{run}",
            "Mailbox syncs that failed; stopped runs are not failures.");
        duration = meter.CreateHistogram(
            "headersync.sync.duration", "s", "How long one mailbox's sync took.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    public void HeadersScanned(string mailbox, int count) => Add(headersScanned, mailbox, count);

    public void BodiesDownloaded(string mailbox, int count) =>
        Add(bodiesDownloaded, mailbox, count);

    public void Decided(string mailbox, IEnumerable<EmailDecision> emails)
    {
        ArgumentNullException.ThrowIfNull(emails);
        foreach (var group in emails.GroupBy(e => (e.Decision, e.Reason)))
        {
            decisions.Add(group.Count(),
                new KeyValuePair<string, object?>("mailbox", mailbox),
                new KeyValuePair<string, object?>("decision", group.Key.Decision.ToString()),
                new KeyValuePair<string, object?>("reason", group.Key.Reason.ToString()));
        }
    }

    public void Promoted(string mailbox, IEnumerable<EmailDecision> emails)
    {
        ArgumentNullException.ThrowIfNull(emails);
        foreach (var group in emails.GroupBy(e => e.Reason))
        {
            promotions.Add(group.Count(),
                new KeyValuePair<string, object?>("mailbox", mailbox),
                new KeyValuePair<string, object?>("reason", group.Key.ToString()));
        }
    }

    public void RequestSent(string mailbox) => Add(requests, mailbox, 1);

    public void Throttled(string mailbox) => Add(throttled, mailbox, 1);

    /// <summary>A run ended: completed, failed, or stopped from outside (not a failure).</summary>
    public void RunFinished(string mailbox, SyncMode mode, Exception? failure, TimeSpan elapsed)
    {
        var outcome = failure switch
        {
            null => "Completed",
            SyncCancelledException => "Stopped",
            _ => "Failed",
        };
        duration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("mailbox", mailbox),
            new KeyValuePair<string, object?>("mode", mode.ToString()),
            new KeyValuePair<string, object?>("outcome", outcome));
        if (outcome == "Failed")
        {
            Add(failures, mailbox, 1);
        }
    }

    private static void Add(Counter<long> counter, string mailbox, int count)
    {
        if (count > 0)
        {
            counter.Add(count, new KeyValuePair<string, object?>("mailbox", mailbox));
        }
    }
}
