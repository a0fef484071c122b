using HeaderSync.Engine.Retention;
using HeaderSync.Engine.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace HeaderSync.Engine.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Runs mailbox syncs on Quartz inside the host: at most <c>Sync:MaxConcurrentMailboxes</c>
    /// at a time, letting running syncs finish on shutdown; and the daily retention job.
    /// </summary>
    public static IServiceCollection AddHeaderSyncScheduling(this IServiceCollection services)
    {
        services.AddQuartz(RetentionJob.AddTo);
        services.AddOptions<QuartzOptions>().Configure<IOptions<SyncOptions>>((quartz, sync) =>
            quartz.Properties["quartz.threadPool.maxConcurrency"] = sync.Value.MaxConcurrentMailboxes.ToString(
                System.Globalization.CultureInfo.InvariantCulture));
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddSingleton<SyncScheduler>();
        services.AddHostedService<ScheduleStartup>();
        return services;
    }
}
