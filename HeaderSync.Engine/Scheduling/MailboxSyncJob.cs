using HeaderSync.Data.Decisions;
using HeaderSync.Data.Runs;
using HeaderSync.Engine.Sync;
using Microsoft.Extensions.Logging;
using Quartz;

namespace HeaderSync.Engine.Scheduling;

/// <summary>
/// The durable Quartz job of one mailbox: fired by its recurring trigger and by resyncs, which
/// carry who asked and whether the resync is full. In a cluster it runs on one node at a time,
/// and a run interrupted by a node's death is fired again on another node.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MailboxSyncJob(MailboxSyncer syncer, SyncScheduler scheduler, ILogger<MailboxSyncJob> logger)
    : IJob
{
    public const string MailboxIdKey = "mailboxId";
    public const string FullKey = "full";
    public const string RequestedByKey = "requestedBy";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        var mailboxId = Guid.Parse(data.GetString(MailboxIdKey)!);
        var requestedBy = data.ContainsKey(RequestedByKey) ? data.GetString(RequestedByKey) : null;
        var full = data.ContainsKey(FullKey) && data.GetBoolean(FullKey);
        var request = new SyncRequest(
            mailboxId,
            requestedBy is null ? SyncTrigger.Schedule : SyncTrigger.Resync,
            full,
            ModeOverride: (SyncMode?)null,
            requestedBy);
        if (context.Recovering)
        {
            SchedulingLog.Recovering(logger, mailboxId);
        }

        await syncer.SyncAsync(request, cancellationToken);
        await scheduler.FollowIntervalAsync(mailboxId, cancellationToken);
        await scheduler.RecordNextRunAsync(mailboxId, cancellationToken);
    }
}
