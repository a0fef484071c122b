using HeaderSync.Data.Audit;
using HeaderSync.Data.Basis;
using HeaderSync.Data.Database;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Graph;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using GraphUser = Microsoft.Graph.Models.User;

namespace HeaderSync.Engine.Enrolment;

/// <summary>
/// Reads the tenant's directory: its users' mailboxes and its verified domains. Against the
/// simulated tenant this runs on first start; against a real one admins add mailboxes instead.
/// </summary>
public sealed class TenantEnrolment(
    IDbContextFactory<HeaderSyncDbContext> contextFactory,
    MailboxGraphClientFactory graphFactory,
    TimeProvider time,
    ILogger<TenantEnrolment> logger)
{
    /// <summary>Enrols every directory user with a mailbox; returns how many were new.</summary>
    public async Task<int> EnrolMailboxesAsync(string actor, CancellationToken cancellationToken)
    {
        using var graph = graphFactory.CreateDirectoryClient();
        var users = new List<GraphUser>();
        var first = await graph.Client.Users.GetAsync(request =>
        {
            request.QueryParameters.Select = ["id", "mail", "userPrincipalName", "displayName"];
            request.QueryParameters.Top = 999;
        }, cancellationToken);
        if (first is not null)
        {
            var pages = PageIterator<GraphUser, Microsoft.Graph.Models.UserCollectionResponse>
                .CreatePageIterator(graph.Client, first, user => { users.Add(user); return true; });
            await pages.IterateAsync(cancellationToken);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var known = await db.Mailboxes.Select(m => m.OwnerAddress).ToListAsync(cancellationToken);
        var knownSet = new HashSet<string>(known, StringComparer.OrdinalIgnoreCase);
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var user in users)
        {
            var address = user.Mail ?? user.UserPrincipalName;
            if (user.Id is null || address is null || !knownSet.Add(address))
            {
                continue;
            }

            db.Mailboxes.Add(new Mailbox
            {
                Id = Guid.NewGuid(),
                OwnerAddress = address.ToLowerInvariant(),
                DisplayName = user.DisplayName,
                GraphUserId = user.Id,
                Provider = EmailProvider.Office365OAuth,
                AddedAt = now,
                AddedBy = actor,
            });
            AuditTrail.Add(db, now, actor, "mailbox.added", address);
            EnrolmentLog.MailboxEnrolled(logger, address);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>Stores the tenant's verified domains as internal; returns how many were new.</summary>
    public async Task<int> ImportVerifiedDomainsAsync(string actor, CancellationToken cancellationToken)
    {
        using var graph = graphFactory.CreateDirectoryClient();
        var organizations = await graph.Client.Organization.GetAsync(
            request => request.QueryParameters.Select = ["id", "verifiedDomains"], cancellationToken);
        var domains = (organizations?.Value ?? [])
            .SelectMany(o => o.VerifiedDomains ?? [])
            .Select(d => d.Name?.Trim().ToLowerInvariant())
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var known = await db.InternalDomains.Select(d => d.Domain).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var added = domains.Except(known, StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var domain in added)
        {
            db.InternalDomains.Add(new InternalDomain
            {
                Domain = domain, Source = InternalDomainSource.Verified, AddedAt = now, AddedBy = actor,
            });
        }

        if (added.Count > 0)
        {
            AuditTrail.Add(db, now, actor, "basis.internal-domains.imported", null, after: added);
            await BasisVersions.BumpAsync(db, now, actor, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return added.Count;
    }
}
