using System.Security.Cryptography;
using System.Text;
using HeaderSync.Data.Audit;
using HeaderSync.Data.Basis;
using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Relevance;
using HeaderSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HeaderSync.Engine.Privacy;

/// <summary>
/// Erases one person on request: every email that names their address (as a participant, or in
/// its subject, headers, body, thread ids or trace) loses its body, headers, participants,
/// subject, thread ids and trace, and its decision becomes Ignored for the reason Erased. The
/// decision row itself stays, holding only opaque ids, times and tokens, so that no resync stores
/// the email again; daily counts move from the old reason to Erased. The person's prospect entry
/// goes, and the audit trail names them from then on only by a SHA-256 token of the address.
/// </summary>
public sealed class PersonErasure(
    IDbContextFactory<HeaderSyncDbContext> contextFactory, TimeProvider time, ILogger<PersonErasure> logger)
{
    public const string AuditAction = "person.erased";
    public const string ExclusionNote = "erasure request";

    private const int BatchSize = 200;
    private const string LikeEscape = "\\";

    /// <summary>The token the audit trail names an erased person by: lets an auditor who knows the
    /// address confirm an erasure, and tells nobody else whose it was.</summary>
    public static string TokenOf(string normalizedAddress)
    {
        ArgumentNullException.ThrowIfNull(normalizedAddress);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedAddress)));
    }

    public async Task<ErasurePreview> PreviewAsync(string address, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (normalized, error) = await CheckAsync(db, address, cancellationToken);
        if (normalized is null)
        {
            return new ErasurePreview(null, 0, false, false, error);
        }

        var emails = await Mentioning(db, normalized, after: 0).CountAsync(cancellationToken);
        var prospect = await db.Prospects.AnyAsync(p => p.Email == normalized, cancellationToken);
        var excluded = await db.Exclusions.AnyAsync(e => e.Value == normalized, cancellationToken);
        return new ErasurePreview(normalized, emails, prospect, excluded, null);
    }

    /// <param name="excludeFromNowOn">Keeps the address on the exclusion list, so that no later
    /// email of theirs is synced: the one thing kept, and only when asked for.</param>
    public async Task<ErasureResult> EraseAsync(
        string address, bool excludeFromNowOn, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = time.GetUtcNow();
        string normalized;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var (checkedAddress, error) = await CheckAsync(db, address, cancellationToken);
            if (checkedAddress is null)
            {
                return ErasureResult.Refused(error!);
            }

            normalized = checkedAddress;
        }

        var emails = await EraseEmailsAsync(normalized, now, cancellationToken);
        var result = await EraseBasisAndAuditAsync(normalized, excludeFromNowOn, emails, actor, now, cancellationToken);
        PrivacyLog.Erased(logger, result.Token!, actor, emails, result.AuditEntriesRedacted);
        return result;
    }

    private static async Task<(string? Address, string? Error)> CheckAsync(
        HeaderSyncDbContext db, string address, CancellationToken cancellationToken)
    {
        if (!EmailAddresses.TryNormalizeStrict(address, out var normalized, out var error))
        {
            return (null, error);
        }

        // A colleague's own mailbox holds nothing but their mail: it is removed as a mailbox, not erased.
        var mailboxes = await db.Mailboxes.AsNoTracking().Select(m => m.OwnerAddress).ToListAsync(cancellationToken);
        return mailboxes.Any(m => string.Equals(EmailAddresses.Normalize(m), normalized, StringComparison.Ordinal))
            ? (null, $"{normalized} is a connected mailbox: disable or remove the mailbox instead.")
            : (normalized, null);
    }

    // Batch by batch, each in its own transaction, walking the ids upwards: a person in tens of
    // thousands of emails never holds the database for long.
    private async Task<int> EraseEmailsAsync(string address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var total = 0;
        long after = 0;
        while (true)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var decisions = await Mentioning(db, address, after)
                .Include(d => d.Participants)
                .Include(d => d.Content)
                .OrderBy(d => d.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (decisions.Count == 0)
            {
                return total;
            }

            foreach (var mailbox in decisions.GroupBy(d => d.MailboxId))
            {
                await DailyCounts.AddAsync(db, mailbox.Key, mailbox.SelectMany(d => new[]
                {
                    (d.ReceivedAt, d.Decision, d.Reason, -1),
                    (d.ReceivedAt, Decision.Ignored, DecisionReason.Erased, 1),
                }), cancellationToken);
            }

            foreach (var decision in decisions)
            {
                Erase(db, decision, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            total += decisions.Count;
            after = decisions[^1].Id;
        }
    }

    private static void Erase(HeaderSyncDbContext db, EmailDecision decision, DateTimeOffset now)
    {
        db.EmailParticipants.RemoveRange(decision.Participants);
        if (decision.Content is { } content)
        {
            db.EmailContents.Remove(content);
        }

        decision.Subject = null;
        decision.Trace = null;
        decision.ThreadMessageIds = null;
        decision.InternetMessageId = null;
        decision.ConversationId = null;
        decision.Decision = Decision.Ignored;
        decision.Reason = DecisionReason.Erased;
        decision.DecidedAt = now;
        decision.ReviewClearedAt ??= now;
        decision.ContentPurgedAt ??= now;
    }

    private async Task<ErasureResult> EraseBasisAndAuditAsync(
        string address, bool excludeFromNowOn, int emails, string actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var token = TokenOf(address);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var prospects = await db.Prospects.Where(p => p.Email == address).ToListAsync(cancellationToken);
        db.Prospects.RemoveRange(prospects);
        var excluded = await db.Exclusions.AnyAsync(e => e.Value == address, cancellationToken);
        var addExclusion = excludeFromNowOn && !excluded;
        if (addExclusion)
        {
            db.Exclusions.Add(new Exclusion
            {
                Value = address, Kind = ExclusionKind.Address, Note = ExclusionNote, AddedAt = now, AddedBy = actor,
            });
        }

        // Earlier entries (a prospect added, an exclusion removed) keep what happened, not whom.
        var pattern = LikePattern(address);
        var mentions = await db.AuditEvents
            .Where(a => EF.Functions.Like(a.Target!, pattern, LikeEscape)
                || EF.Functions.Like(a.Before!, pattern, LikeEscape)
                || EF.Functions.Like(a.After!, pattern, LikeEscape))
            .ToListAsync(cancellationToken);
        foreach (var entry in mentions)
        {
            entry.Target = Redact(entry.Target, address, token);
            entry.Before = Redact(entry.Before, address, token);
            entry.After = Redact(entry.After, address, token);
        }

        if (prospects.Count > 0 || addExclusion)
        {
            await BasisVersions.BumpAsync(db, now, actor, cancellationToken);
        }

        var result = new ErasureResult(token, emails, prospects.Count > 0, mentions.Count, excludeFromNowOn, null);
        AuditTrail.Add(db, now, actor, AuditAction, token, after: new
        {
            result.Emails,
            result.ProspectRemoved,
            result.AuditEntriesRedacted,
            result.ExcludedFromNowOn,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static IQueryable<EmailDecision> Mentioning(HeaderSyncDbContext db, string address, long after)
    {
        var pattern = LikePattern(address);
        return db.EmailDecisions.Where(d => d.Id > after && (
            d.Participants.Any(p => p.Address == address)
            || EF.Functions.Like(d.Subject!, pattern, LikeEscape)
            || EF.Functions.Like(d.Trace!, pattern, LikeEscape)
            || EF.Functions.Like(d.ThreadMessageIds!, pattern, LikeEscape)
            || EF.Functions.Like(d.InternetMessageId!, pattern, LikeEscape)
            || (d.Content != null && (
                EF.Functions.Like(d.Content.Headers!, pattern, LikeEscape)
                || EF.Functions.Like(d.Content.BodyText!, pattern, LikeEscape)
                || EF.Functions.Like(d.Content.BodyHtml!, pattern, LikeEscape)))));
    }

    private static string LikePattern(string address) =>
        "%" + address.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal) + "%";

    private static string? Redact(string? text, string address, string token) =>
        text?.Replace(address, token, StringComparison.OrdinalIgnoreCase);
}
