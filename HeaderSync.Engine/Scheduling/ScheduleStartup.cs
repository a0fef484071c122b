using Microsoft.Extensions.Hosting;

namespace HeaderSync.Engine.Scheduling;

/// <summary>Schedules every mailbox when the host starts; Quartz then keeps them running.</summary>
internal sealed class ScheduleStartup(SyncScheduler scheduler) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => scheduler.ScheduleAllAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
