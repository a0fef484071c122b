namespace HeaderSync.Engine.Graph;

/// <summary>
/// The mailbox's concurrent request slots, handed out first come, first served, except that a
/// waiter asking to go ahead is served before every waiter that did not.
/// </summary>
internal sealed class RequestSlots(int count)
{
    private readonly Lock gate = new();
    private readonly Queue<TaskCompletionSource> ahead = new();
    private readonly Queue<TaskCompletionSource> behind = new();
    private int free = count;

    public Task WaitAsync(bool goAhead, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource waiter;
        lock (gate)
        {
            if (free > 0)
            {
                free--;
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (goAhead ? ahead : behind).Enqueue(waiter);
        }

        return cancellationToken.CanBeCanceled ? WaitOrCancelAsync(waiter, cancellationToken) : waiter.Task;
    }

    // A cancelled waiter stays queued; Release passes over it.
    private static async Task WaitOrCancelAsync(TaskCompletionSource waiter, CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        await waiter.Task;
    }

    public void Release()
    {
        lock (gate)
        {
            while (ahead.TryDequeue(out var waiter) || behind.TryDequeue(out waiter))
            {
                if (waiter.TrySetResult())
                {
                    return;
                }
            }

            free++;
        }
    }
}
