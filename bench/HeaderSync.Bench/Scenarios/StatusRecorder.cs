using HeaderSync.Engine.Status;

namespace HeaderSync.Bench.Scenarios;

/// <summary>
/// Pairs every status event the engine published with the first hub message that carried it or
/// a later status of the same mailbox: that is when a client learnt of it.
/// </summary>
internal sealed class StatusRecorder
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, Queue<DateTimeOffset>> pending = [];
    private readonly List<double> latencies = [];

    public int Published { get; private set; }

    public int Batches { get; private set; }

    public int Delivered { get; private set; }

    public List<double> LatenciesMs
    {
        get
        {
            lock (gate)
            {
                return [.. latencies];
            }
        }
    }

    public int Undelivered
    {
        get
        {
            lock (gate)
            {
                return pending.Values.Sum(q => q.Count);
            }
        }
    }

    public void OnPublished(MailboxStatusUpdate update)
    {
        lock (gate)
        {
            if (!pending.TryGetValue(update.MailboxId, out var queue))
            {
                pending[update.MailboxId] = queue = new Queue<DateTimeOffset>();
            }

            queue.Enqueue(update.At);
            Published++;
        }
    }

    public void OnReceived(IReadOnlyList<MailboxStatusUpdate> batch, DateTimeOffset now)
    {
        lock (gate)
        {
            Batches++;
            foreach (var update in batch)
            {
                Delivered++;
                if (!pending.TryGetValue(update.MailboxId, out var queue))
                {
                    continue;
                }

                while (queue.Count > 0 && queue.Peek() <= update.At)
                {
                    latencies.Add((now - queue.Dequeue()).TotalMilliseconds);
                }
            }
        }
    }

    /// <summary>Sits in front of the portal's publisher and notes each event as it is published.</summary>
    public sealed class Publisher(ISyncStatusPublisher inner, StatusRecorder recorder) : ISyncStatusPublisher
    {
        public void Publish(MailboxStatusUpdate update)
        {
            recorder.OnPublished(update);
            inner.Publish(update);
        }
    }
}
