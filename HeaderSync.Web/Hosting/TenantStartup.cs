using Azure.Core;
using HeaderSync.Web.Simulation;

namespace HeaderSync.Web.Hosting;

/// <summary>
/// At start, makes sure the engine can reach its tenant: the credential is configured (a
/// missing key stops the start), and a simulated tenant is enrolled on first start.
/// </summary>
internal sealed class TenantStartup(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<TokenCredential>();
        if (services.GetService<SimulatedTenantEnrolment>() is { } enrolment)
        {
            await enrolment.EnrolOnFirstStartAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
