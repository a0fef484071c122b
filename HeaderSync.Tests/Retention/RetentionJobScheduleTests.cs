using HeaderSync.Engine.Retention;
using HeaderSync.Tests.Browser;
using HeaderSync.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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

    [Fact]
    public void TheStoredRetentionSettingsAreCheckedBeforeQuartzStarts()
    {
        var started = portal.Services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();

        var check = started.IndexOf(typeof(OrgSettingsStartup));
        var quartz = started.FindIndex(t => t.Namespace?.StartsWith("Quartz", StringComparison.Ordinal) == true);

        Assert.True(check >= 0, "The org settings check is not registered.");
        Assert.True(quartz > check, "Quartz starts before the org settings are checked.");
        Assert.True(started.IndexOf(typeof(DatabaseStartup)) < check, "The settings are checked before migration.");
    }
}
