using HeaderSync.Engine.Retention;
using HeaderSync.Tests.Browser;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace HeaderSync.Tests.Retention;

[Collection(PortalTestGroup.Name)]
public sealed class RetentionJobScheduleTests(PortalFixture portal)
{
    [Fact]
    public async Task ThePortalRunsTheRetentionJobOnceADay()
    {
        var scheduler = await portal.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var job = await scheduler.GetJobDetail(RetentionJob.Key);
        var triggers = await scheduler.GetTriggersOfJob(RetentionJob.Key);

        Assert.NotNull(job);
        Assert.Equal(typeof(RetentionJob), job.JobType.Type);
        var daily = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(triggers));
        Assert.Equal(TimeSpan.FromDays(1), daily.RepeatInterval);
        Assert.True(daily.NextFireTimeUtc > TimeProvider.System.GetUtcNow());
    }
}
