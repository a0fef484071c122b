using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Diagnostics;
using HeaderSync.Engine.Enrolment;
using HeaderSync.Engine.Graph;
using HeaderSync.Engine.Mailboxes;
using HeaderSync.Engine.Privacy;
using HeaderSync.Engine.Retention;
using HeaderSync.Engine.RuleTesting;
using HeaderSync.Engine.Status;
using HeaderSync.Engine.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HeaderSync.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sync engine and binds and validates its configuration. The host registers
    /// the Graph <c>TokenCredential</c> and, for live status, an <see cref="ISyncStatusPublisher"/>.
    /// </summary>
    public static IServiceCollection AddHeaderSyncEngine(this IServiceCollection services)
    {
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>();
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>();

        services.TryAddSingleton<ISyncStatusPublisher, NoStatusPublisher>();
        services.AddMetrics();
        services.AddSingleton<SyncMetrics>();
        services.AddSingleton<MailboxGraphClientFactory>();
        services.AddSingleton<SyncNode>();
        services.AddSingleton<MailboxLease>();
        services.AddSingleton<PageWriter>();
        services.AddSingleton<FolderHeaderPass>();
        services.AddSingleton<BodyPass>();
        services.AddSingleton<Redecision>();
        services.AddSingleton<SyncOutcomes>();
        services.AddSingleton<MailboxSyncer>();
        services.AddSingleton<TenantEnrolment>();
        services.AddSingleton<BasisImport>();
        services.AddSingleton<ConnectionCheck>();
        services.AddSingleton<MailboxDirectory>();
        services.AddSingleton<MailboxRemoval>();
        services.AddSingleton<ExclusionPurge>();
        services.AddSingleton<RuleTester>();
        services.AddSingleton<PersonErasure>();
        services.AddSingleton<RetentionSweep>();

        return services;
    }
}
