using HeaderSync.Data.Database;
using HeaderSync.Data.Settings;
using HeaderSync.Web.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HeaderSync.Web.Hosting;

/// <summary>
/// Checks the org settings stored in the database before any job runs: the portal only saves
/// valid ones, but a row edited by hand (a retention of 0 days would clear every ignored email's
/// review fields at once) stops the start, naming each bad key, like a bad configuration value.
/// </summary>
internal sealed class OrgSettingsStartup(IDbContextFactory<HeaderSyncDbContext> contextFactory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.OrgSettings.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == OrgSettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            return;
        }

        var problems = OrgSettingsDraft.From(settings).ProblemsAtStart();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(
                nameof(OrgSettings), typeof(OrgSettings), problems.Select(p => $"Org setting {p}"));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
