using HeaderSync.Data.Audit;
using HeaderSync.Data.Database;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Data.Settings;
using HeaderSync.Engine.Status;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;

namespace HeaderSync.Engine.Scheduling;

/// <summary>
/// Keeps Quartz in step with the mailboxes: one durable job per synced mailbox with a recurring
/// trigger every <c>SyncIntervalMinutes</c>, and immediate triggers for resyncs.
/// </summary>
public sealed class SyncScheduler(
    ISchedulerFactory schedulerFactory,
    IDbContextFactory<HeaderSyncDbContext> contextFactory,
    ISyncStatusPublisher publisher,
    TimeProvider time,
    ILogger<SyncScheduler> logger)
{
    public const string Group = "mailboxes";

    public static JobKey JobOf(Guid mailboxId) => new($"mailbox-{mailboxId:N}", Group);

    public static TriggerKey RecurringTriggerOf(Guid mailboxId) => new($"mailbox-{mailboxId:N}-recurring", Group);

    /// <summary>Schedules every enabled Graph mailbox and unschedules the others.</summary>
    public async Task ScheduleAllAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var interval = await IntervalAsync(db, cancellationToken);
        var mailboxes = await db.Mailboxes.AsNoTracking()
            .Select(m => new { m.Id, m.OwnerAddress, Enabled = m.Enabled && m.RemovedAt == null, m.Provider })
            .ToListAsync(cancellationToken);

        foreach (var mailbox in mailboxes)
        {
            if (mailbox.Enabled && mailbox.Provider == EmailProvider.Office365OAuth)
            {
                await ScheduleAsync(scheduler, mailbox.Id, interval, cancellationToken);
                SchedulingLog.Scheduled(logger, mailbox.OwnerAddress, interval.TotalMinutes);
            }
            else
            {
                await scheduler.DeleteJob(JobOf(mailbox.Id), cancellationToken);
            }
        }

        foreach (var mailbox in mailboxes.Where(m => m.Enabled && m.Provider == EmailProvider.Office365OAuth))
        {
            await RecordNextRunAsync(mailbox.Id, cancellationToken);
        }
    }

    /// <summary>Schedules a newly added mailbox and runs its first sync now.</summary>
    public async Task ScheduleNowAsync(Guid mailboxId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var interval = await IntervalAsync(db, cancellationToken);
            await ScheduleAsync(scheduler, mailboxId, interval, cancellationToken, firstIn: interval);
        }

        // No requester: the run counts as a scheduled one, not as an admin's resync.
        await RecordNextRunAsync(mailboxId, cancellationToken);
        await scheduler.TriggerJob(JobOf(mailboxId), cancellationToken);
    }

    /// <summary>Takes a mailbox off the schedule; a run already going finishes.</summary>
    public async Task UnscheduleAsync(Guid mailboxId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(JobOf(mailboxId), cancellationToken);
    }

    /// <summary>A resync now, incremental or full, on behalf of an admin or a script; audited.</summary>
    public async Task RequestResyncAsync(
        Guid mailboxId, bool full, string requestedBy, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var mailbox = await db.Mailboxes.SingleAsync(m => m.Id == mailboxId, cancellationToken);
        if (!await scheduler.Exists(JobOf(mailboxId), cancellationToken))
        {
            await ScheduleAsync(scheduler, mailboxId, await IntervalAsync(db, cancellationToken), cancellationToken);
        }

        var data = new JobDataMap
        {
            [MailboxSyncJob.FullKey] = full,
            [MailboxSyncJob.RequestedByKey] = requestedBy,
        };
        await scheduler.TriggerJob(JobOf(mailboxId), data, cancellationToken);
        mailbox.Status.State = mailbox.Status.State is MailboxState.NeedsAttention ? mailbox.Status.State : MailboxState.Queued;
        mailbox.Status.UpdatedAt = time.GetUtcNow();
        AuditTrail.Add(db, time.GetUtcNow(), requestedBy, full ? "mailbox.resync.full" : "mailbox.resync",
            mailbox.OwnerAddress);
        await db.SaveChangesAsync(cancellationToken);
        SchedulingLog.ResyncRequested(logger, mailbox.OwnerAddress, full, requestedBy);
    }

    /// <summary>
    /// Reschedules a mailbox whose recurring trigger no longer matches <c>SyncIntervalMinutes</c>:
    /// checked after every run, so a change made anywhere reaches every node's schedule.
    /// </summary>
    public async Task FollowIntervalAsync(Guid mailboxId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var interval = await IntervalAsync(db, cancellationToken);
        var trigger = await scheduler.GetTrigger(RecurringTriggerOf(mailboxId), cancellationToken);
        if (trigger is ISimpleTrigger { RepeatInterval: var current } && current != interval)
        {
            await ScheduleAsync(scheduler, mailboxId, interval, cancellationToken);
        }
    }

    /// <summary>Puts the time of the mailbox's next scheduled run on its status.</summary>
    public async Task RecordNextRunAsync(Guid mailboxId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var trigger = await scheduler.GetTrigger(RecurringTriggerOf(mailboxId), cancellationToken);
        var next = trigger?.NextFireTimeUtc;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Mailboxes.Where(m => m.Id == mailboxId)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Status.NextRunAt, next), cancellationToken);

        // Pages learn the next run with the rest of the mailbox's status.
        var mailbox = await db.Mailboxes.AsNoTracking().SingleOrDefaultAsync(m => m.Id == mailboxId, cancellationToken);
        if (mailbox is not null)
        {
            publisher.Publish(MailboxStatusUpdate.Of(mailbox) with { At = time.GetUtcNow() });
        }
    }

    private async Task ScheduleAsync(
        IScheduler scheduler, Guid mailboxId, TimeSpan interval, CancellationToken cancellationToken,
        TimeSpan? firstIn = null)
    {
        var job = JobBuilder.Create<MailboxSyncJob>()
            .WithIdentity(JobOf(mailboxId))
            .UsingJobData(MailboxSyncJob.MailboxIdKey, mailboxId.ToString())
            .StoreDurably()
            .RequestRecovery()
            .Build();
        var existing = await scheduler.GetTrigger(RecurringTriggerOf(mailboxId), cancellationToken);
        if (existing is ISimpleTrigger simple && simple.RepeatInterval == interval)
        {
            return;
        }

        // A new schedule's first runs start within a minute, spread rather than all at once.
        var spread = Math.Clamp((int)interval.TotalSeconds / 4, 1, 60);
        var offset = TimeSpan.FromSeconds(Math.Abs(mailboxId.GetHashCode() % spread));

        // A run missed while no node was up fires once as soon as one is, then the interval goes on.
        var trigger = TriggerBuilder.Create()
            .WithIdentity(RecurringTriggerOf(mailboxId))
            .ForJob(job)
            .StartAt(time.GetUtcNow() + (firstIn ?? (existing is null ? offset : interval)))
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
            .Build();
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }

    private static async Task<TimeSpan> IntervalAsync(HeaderSyncDbContext db, CancellationToken cancellationToken) =>
        TimeSpan.FromMinutes(await db.OrgSettings.AsNoTracking()
            .Where(s => s.Id == OrgSettings.SingletonId)
            .Select(s => s.SyncIntervalMinutes)
            .SingleAsync(cancellationToken));
}
