using System.Globalization;
using HeaderSync.Data.Database;
using HeaderSync.Engine.Retention;
using HeaderSync.Engine.Sync;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace HeaderSync.Engine.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>One name for the scheduler on every node: a cluster is the nodes sharing it.</summary>
    public const string SchedulerName = "HeaderSync";

    /// <summary>
    /// Runs mailbox syncs on Quartz inside the host: at most <c>Sync:MaxConcurrentMailboxes</c>
    /// at a time, letting running syncs finish on shutdown. On a database server the schedule
    /// lives in Quartz's tables there (created by the <c>migrate</c> verb), clustered across the
    /// portal's nodes when <c>Scheduler:Clustered</c> is on; on SQLite it is kept in memory. Also the daily retention job.
    /// </summary>
    public static IServiceCollection AddHeaderSyncScheduling(
        this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidator>();

        // The store is chosen while services are registered; bad values are reported at start by
        // the options validators, so here they only fall back to the in-memory store.
        var database = configuration.GetSection(DatabaseOptions.Section);
        var clustered = bool.TryParse(configuration[$"{SchedulerOptions.Section}:Clustered"], out var on) && on;
        Enum.TryParse<DatabaseProvider>(database["Provider"], ignoreCase: true, out var provider);
        var connectionString = database["ConnectionString"];

        services.AddQuartz(quartz =>
        {
            RetentionJob.AddTo(quartz);
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = SchedulerName;

                // A node's id in Quartz's cluster is the one its leases and runs carry.
                if (clustered)
                {
                    scheduler.InstanceId = new SyncNode().Name;
                }
            });
            if (provider is DatabaseProvider.SqlServer or DatabaseProvider.Postgres
                && !string.IsNullOrWhiteSpace(connectionString))
            {
                quartz.UsePersistentStore(store => UseServerStore(store, provider, connectionString, clustered));
            }
        });
        services.AddOptions<QuartzOptions>().Configure<IOptions<SyncOptions>>((quartz, sync) =>
            quartz.Properties["quartz.threadPool.maxConcurrency"] = sync.Value.MaxConcurrentMailboxes.ToString(
                CultureInfo.InvariantCulture));
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddSingleton<SyncScheduler>();
        services.AddHostedService<ScheduleStartup>();
        return services;
    }

    private static void UseServerStore(
        IPersistentStoreBuilder store, DatabaseProvider provider, string connectionString, bool clustered)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            store.UsePostgres(NpgsqlFactory.Instance, connectionString);
        }
        else
        {
            store.UseSqlServer(SqlClientFactory.Instance, connectionString);
        }

        store.UseSystemTextJsonSerializer();
        if (clustered)
        {
            // A dead node's mailboxes are taken over about 15 s after its last check-in: long
            // enough that a garbage collection or a database failover does not look like death.
            store.UseClustering(cluster =>
            {
                cluster.CheckinInterval = TimeSpan.FromSeconds(5);
                cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(10);
            });
        }
    }
}
