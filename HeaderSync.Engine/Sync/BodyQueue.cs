using System.Threading.Channels;

namespace HeaderSync.Engine.Sync;

/// <summary>Synced emails waiting for the body pass, fed by the header pass as pages commit.</summary>
public sealed class BodyQueue
{
    private readonly Channel<BodyJob> channel = Channel.CreateUnbounded<BodyJob>(
        new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });

    public ChannelReader<BodyJob> Reader => channel.Reader;

    public void Enqueue(MailboxRun run, IReadOnlyCollection<BodyJob> jobs)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(jobs);
        if (jobs.Count == 0)
        {
            return;
        }

        run.BodiesQueued(jobs.Count);
        foreach (var job in jobs)
        {
            channel.Writer.TryWrite(job);
        }
    }

    public void Complete() => channel.Writer.TryComplete();
}
