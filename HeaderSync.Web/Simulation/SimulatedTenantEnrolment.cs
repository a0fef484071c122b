using HeaderSync.Data.Database;
using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Enrolment;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Web.Simulation;

/// <summary>
/// On first start against the simulated tenant (no mailbox yet), enrols its mailboxes and
/// imports its basis: internal domains from the directory, prospects and exclusions from its CRM.
/// </summary>
internal sealed class SimulatedTenantEnrolment(
    IDbContextFactory<HeaderSyncDbContext> contextFactory,
    TenantEnrolment enrolment,
    BasisImport import,
    SimulatorCrm crm)
{
    public const string Actor = "simulated-tenant";

    public async Task EnrolOnFirstStartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Mailboxes.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        await enrolment.ImportVerifiedDomainsAsync(Actor, cancellationToken);
        using var prospectsCsv = new StringReader(await crm.ProspectsCsvAsync(cancellationToken));
        using var exclusionsFile = new StringReader(await crm.ExclusionsAsync(cancellationToken));
        var prospects = await ProspectCsvParser.ParseAsync(prospectsCsv, cancellationToken);
        var exclusions = await ExclusionFileParser.ParseAsync(exclusionsFile, cancellationToken);
        await import.ImportAsync(
            prospects.Prospects, exclusions.Exclusions, Actor, "simulated tenant CRM", cancellationToken);
        await enrolment.EnrolMailboxesAsync(Actor, cancellationToken);
    }
}
