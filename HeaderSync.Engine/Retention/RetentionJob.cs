using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace HeaderSync.Engine.Retention;

/// <summary>The daily Quartz job that applies the retention settings.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(RetentionSweep sweep) : IJob
{
    public static readonly JobKey Key = new("retention", "maintenance");

    // Late enough after a start not to compete with the first syncs of every mailbox.
    private static readonly TimeSpan FirstRunAfterStart = TimeSpan.FromMinutes(10);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweep.RunAsync(cancellationToken);

    internal static void AddTo(IQuartzBuilder quartz)
    {
        quartz.AddJob(typeof(RetentionJob), job => job.WithIdentity(Key).StoreDurably());
        quartz.AddTrigger((services, trigger) => trigger
            .ForJob(Key)
            .WithIdentity("retention-daily", Key.Group)
            .StartAt(services.GetRequiredService<TimeProvider>().GetUtcNow() + FirstRunAfterStart)
            .WithSchedule(SimpleScheduleBuilder.Create()
                .WithInterval(TimeSpan.FromDays(1))
                .RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}
