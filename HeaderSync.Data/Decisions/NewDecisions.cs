using HeaderSync.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Data.Decisions;

/// <summary>
/// Adds new decisions with their participants and content inside the context's transaction. On
/// SQLite they are written at once through prepared statements; elsewhere they are added to the
/// context and EF's batched inserts write them at the caller's <c>SaveChanges</c>.
/// </summary>
public static class NewDecisions
{
    public static async Task AddAsync(
        HeaderSyncDbContext db, IReadOnlyCollection<EmailDecision> decisions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(decisions);
        if (!db.Database.IsSqlite())
        {
            db.EmailDecisions.AddRange(decisions);
            return;
        }

        if (decisions.Count == 0)
        {
            return;
        }

        await using var decisionRows = new SqliteRowInserter<EmailDecision>(db, (d, id) => d.Id = id);
        await using var participantRows = new SqliteRowInserter<EmailParticipant>(db, (p, id) => p.Id = id);
        await using var contentRows = new SqliteRowInserter<EmailContent>(db);
        foreach (var decision in decisions)
        {
            await decisionRows.InsertAsync(decision, cancellationToken);
            foreach (var participant in decision.Participants)
            {
                participant.EmailDecisionId = decision.Id;
                await participantRows.InsertAsync(participant, cancellationToken);
            }

            if (decision.Content is { } content)
            {
                content.EmailDecisionId = decision.Id;
                await contentRows.InsertAsync(content, cancellationToken);
            }
        }
    }
}
