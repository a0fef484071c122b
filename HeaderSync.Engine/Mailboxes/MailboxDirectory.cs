using HeaderSync.Data.Audit;
using HeaderSync.Data.Database;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Graph;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HeaderSync.Engine.Mailboxes;

/// <summary>
/// Adds mailboxes: Graph users found in the tenant's directory, and mailboxes of other providers
/// that are only recorded. Adding an address removed with its data kept brings it back.
/// </summary>
public sealed class MailboxDirectory(
    IDbContextFactory<HeaderSyncDbContext> contextFactory,
    MailboxGraphClientFactory graphFactory,
    TimeProvider time,
    ILogger<MailboxDirectory> logger)
{
    public const int MaxResults = 25;

    /// <summary>Directory users whose name, address or user principal name starts with the text.</summary>
    public async Task<IReadOnlyList<DirectoryUser>> SearchAsync(string? text, CancellationToken cancellationToken)
    {
        using var graph = graphFactory.CreateDirectoryClient();
        var term = text?.Trim() ?? "";
        var page = await graph.Client.Users.GetAsync(request =>
        {
            request.QueryParameters.Select = ["id", "mail", "userPrincipalName", "displayName"];
            request.QueryParameters.Top = MaxResults;
            if (term.Length > 0)
            {
                // OData doubles a quote inside a string literal.
                var literal = term.Replace("'", "''", StringComparison.Ordinal);
                request.QueryParameters.Filter = $"startswith(displayName,'{literal}') "
                    + $"or startswith(mail,'{literal}') or startswith(userPrincipalName,'{literal}')";
            }
        }, cancellationToken);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var listed = await db.Mailboxes.AsNoTracking().Where(m => m.RemovedAt == null)
            .Select(m => m.OwnerAddress).ToListAsync(cancellationToken);
        var known = new HashSet<string>(listed, StringComparer.OrdinalIgnoreCase);
        return [.. (page?.Value ?? [])
            .Where(u => u.Id is not null && (u.Mail ?? u.UserPrincipalName) is not null)
            .Select(u => new DirectoryUser(
                u.Id!, (u.Mail ?? u.UserPrincipalName)!.ToLowerInvariant(), u.DisplayName,
                known.Contains(u.Mail ?? u.UserPrincipalName!)))];
    }

    /// <summary>Adds directory users as Microsoft Graph mailboxes; returns the ids of those added.</summary>
    public async Task<IReadOnlyList<Guid>> AddFromDirectoryAsync(
        IReadOnlyCollection<DirectoryUser> users, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var added = new List<Guid>();
        foreach (var user in users.Where(u => !u.AlreadyAdded))
        {
            var mailbox = await AddAsync(db, user.Address, EmailProvider.Office365OAuth, actor, cancellationToken);
            if (mailbox is not null)
            {
                mailbox.GraphUserId = user.GraphUserId;
                mailbox.DisplayName = user.DisplayName;
                added.Add(mailbox.Id);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>Records a mailbox of another provider: listed as not covered, never synced.</summary>
    public async Task<Guid> RecordAsync(
        string address, EmailProvider provider, string actor, CancellationToken cancellationToken)
    {
        if (provider == EmailProvider.Office365OAuth)
        {
            throw new ArgumentException("Microsoft Graph mailboxes are added from the directory.", nameof(provider));
        }

        var normalised = NormaliseAddress(address);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var mailbox = await AddAsync(db, normalised, provider, actor, cancellationToken)
            ?? throw new InvalidOperationException($"{normalised} is already listed.");
        await db.SaveChangesAsync(cancellationToken);
        return mailbox.Id;
    }

    /// <summary>A plain address, lower-cased; anything else is refused with the reason.</summary>
    public static string NormaliseAddress(string? address)
    {
        var text = address?.Trim() ?? "";
        if (!System.Net.Mail.MailAddress.TryCreate(text, out var parsed) || parsed.Address != text
            || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new FormatException($"'{text}' is not an email address like name@example.com.");
        }

        return text.ToLowerInvariant();
    }

    // Null when the address is already listed; a removed mailbox of the address comes back.
    private async Task<Mailbox?> AddAsync(
        HeaderSyncDbContext db, string address, EmailProvider provider, string actor,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var existing = await db.Mailboxes.SingleOrDefaultAsync(m => m.OwnerAddress == address, cancellationToken);
        if (existing is { RemovedAt: null })
        {
            return null;
        }

        var mailbox = existing ?? db.Mailboxes.Add(new Mailbox
        {
            Id = Guid.NewGuid(),
            OwnerAddress = address,
            AddedAt = now,
            AddedBy = actor,
        }).Entity;
        mailbox.Provider = provider;
        mailbox.Enabled = true;
        mailbox.RemovedAt = null;
        mailbox.RemovedBy = null;
        mailbox.Status.State = MailboxState.Idle;
        AuditTrail.Add(db, now, actor, provider == EmailProvider.Office365OAuth ? "mailbox.added" : "mailbox.recorded",
            address, after: new { Provider = provider.ToString(), Restored = existing is not null });
        MailboxLog.Added(logger, address, actor, provider.ToString());
        return mailbox;
    }
}
