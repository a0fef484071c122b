using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Scheduling;
using HeaderSync.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace HeaderSync.Tests.Scheduling;

[Collection(PortalTestGroup.Name)]
public sealed class SyncSchedulerTests(PortalFixture portal)
{
    [Fact]
    public async Task EveryGraphMailboxHasADurableJobRepeatingAtTheOrgInterval()
    {
        var scheduler = await portal.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await using var db = portal.Database.CreateContext();
        var mailboxes = await db.Mailboxes.Where(m => m.Provider == EmailProvider.Office365OAuth).ToListAsync();

        Assert.NotEmpty(mailboxes);
        foreach (var mailbox in mailboxes)
        {
            var job = await scheduler.GetJobDetail(SyncScheduler.JobOf(mailbox.Id));
            Assert.NotNull(job);
            Assert.True(job.Durable);
            var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(
                await scheduler.GetTrigger(SyncScheduler.RecurringTriggerOf(mailbox.Id)));
            Assert.Equal(TimeSpan.FromMinutes(15), trigger.RepeatInterval);
        }
    }

    [Fact]
    public async Task AMailboxFollowsAChangedIntervalAfterItsNextRun()
    {
        var scheduler = await portal.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var sync = portal.Services.GetRequiredService<SyncScheduler>();
        await using var db = portal.Database.CreateContext();
        var mailbox = await db.Mailboxes.FirstAsync();
        try
        {
            await db.OrgSettings.ExecuteUpdateAsync(s => s.SetProperty(o => o.SyncIntervalMinutes, 25));

            await sync.FollowIntervalAsync(mailbox.Id, CancellationToken.None);

            var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(
                await scheduler.GetTrigger(SyncScheduler.RecurringTriggerOf(mailbox.Id)));
            Assert.Equal(TimeSpan.FromMinutes(25), trigger.RepeatInterval);
        }
        finally
        {
            await db.OrgSettings.ExecuteUpdateAsync(s => s.SetProperty(o => o.SyncIntervalMinutes, 15));
            await sync.ScheduleAllAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task ChangingTheIntervalReschedulesEveryMailbox()
    {
        var scheduler = await portal.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var sync = portal.Services.GetRequiredService<SyncScheduler>();
        await using var db = portal.Database.CreateContext();
        var mailbox = await db.Mailboxes.FirstAsync();
        try
        {
            await db.OrgSettings.ExecuteUpdateAsync(s => s.SetProperty(o => o.SyncIntervalMinutes, 40));

            await sync.ScheduleAllAsync(CancellationToken.None);

            var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(
                await scheduler.GetTrigger(SyncScheduler.RecurringTriggerOf(mailbox.Id)));
            Assert.Equal(TimeSpan.FromMinutes(40), trigger.RepeatInterval);
            var next = await db.Mailboxes.AsNoTracking().Where(m => m.Id == mailbox.Id)
                .Select(m => m.Status.NextRunAt).SingleAsync();
            // SQLite keeps times to the millisecond.
            Assert.Equal(trigger.NextFireTimeUtc!.Value, next!.Value, TimeSpan.FromMilliseconds(1));
        }
        finally
        {
            await db.OrgSettings.ExecuteUpdateAsync(s => s.SetProperty(o => o.SyncIntervalMinutes, 15));
            await sync.ScheduleAllAsync(CancellationToken.None);
        }
    }
}
