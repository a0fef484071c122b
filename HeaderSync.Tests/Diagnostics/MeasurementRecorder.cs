using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HeaderSync.Engine.Diagnostics;

namespace HeaderSync.Tests.Diagnostics;

/// <summary>
/// Records what the <c>HeaderSync</c> meter of one host measures. A listener sees every meter
/// of that name in the test process, so it keeps only those the host's own factory made.
/// </summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<Measurement> measurements = new();

    public MeasurementRecorder(IMeterFactory hostFactory)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SyncMetrics.MeterName
                && instrument.Meter.Scope == hostFactory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        listener.Start();
    }

    public IReadOnlyList<Measurement> Measurements => [.. measurements];

    public IEnumerable<Measurement> Of(string instrument, string mailbox) =>
        measurements.Where(m => m.Instrument == instrument && m.Tags["mailbox"] == mailbox);

    public double Sum(string instrument, string mailbox) =>
        Of(instrument, mailbox).Sum(m => m.Value);

    public void Dispose() => listener.Dispose();

    private void Record(
        Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var named = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, tag) in tags)
        {
            named[key] = tag?.ToString();
        }

        measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, value, named));
    }

    public sealed record Measurement(
        string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, string?> Tags);
}
