using Ganss.Xss;
using HeaderSync.Data.Audit;
using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Web.Review;

/// <summary>
/// Loads an email for the Review drawer. A synced email's body is shown sanitised, with remote
/// images removed, and every such view is audited; an ignored email has no body to show.
/// </summary>
public sealed class EmailDetails(IDbContextFactory<HeaderSyncDbContext> contextFactory, TimeProvider time)
{
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public async Task<EmailDetail?> OpenAsync(long decisionId, string viewer, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var decision = await db.EmailDecisions.AsNoTracking().Include(d => d.Content)
            .SingleOrDefaultAsync(d => d.Id == decisionId, cancellationToken);
        if (decision is null)
        {
            return null;
        }

        var content = decision.Decision == Decision.Synced ? decision.Content : null;
        if (content is { BodyHtml: not null } or { BodyText: not null })
        {
            AuditTrail.Add(db, time.GetUtcNow(), viewer, "email.body.viewed", $"decision {decision.Id}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new EmailDetail(
            decision.Id, decision.Subject, decision.Decision, decision.Reason, decision.Mode,
            EmailDetail.ParseTrace(decision.Trace),
            content?.BodyHtml is { } html ? Sanitizer.Sanitize(html) : null,
            content?.BodyText, content?.Headers, decision.BodyDownloaded, decision.ContentPurgedAt);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();

        // Remote images would tell the sender the email was read: only inline data images stay.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (string.Equals(e.Tag.TagName, "IMG", StringComparison.OrdinalIgnoreCase)
                && !e.OriginalUrl.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.AllowedSchemes.Add("data");
        return sanitizer;
    }
}
