using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Tests.Data;

public sealed class NewDecisionsTests : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private readonly Guid mailboxId = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        db.Mailboxes.Add(new Mailbox { Id = mailboxId, OwnerAddress = "seller@contoso.com", Provider = EmailProvider.Office365OAuth });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task DecisionsWrittenThroughPreparedStatementsAreStoredExactlyAsEfStoresThem()
    {
        await using (var db = database.CreateContext())
        {
            db.EmailDecisions.Add(NewDecision("ef"));
            await db.SaveChangesAsync(CancellationToken.None);
        }

        var prepared = NewDecision("prepared");
        await using (var db = database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            await NewDecisions.AddAsync(db, [prepared], CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        Assert.NotEqual(0, prepared.Id);
        Assert.All(prepared.Participants, p => Assert.Equal(prepared.Id, p.EmailDecisionId));
        Assert.Equal(prepared.Id, prepared.Content!.EmailDecisionId);

        // Column by column, the stored values match EF's own, apart from keys and the Graph id.
        var ef = await RowsAsync("ef");
        var mine = await RowsAsync("prepared");
        Assert.Equal(ef.Count, mine.Count);
        for (var i = 0; i < ef.Count; i++)
        {
            Assert.Equal(Without(ef[i]), Without(mine[i]));
        }

        await using var read = database.CreateContext();
        var stored = await read.EmailDecisions.Include(d => d.Participants).Include(d => d.Content)
            .SingleAsync(d => d.Id == prepared.Id, CancellationToken.None);
        Assert.Equal(prepared.ReceivedAt, stored.ReceivedAt);
        Assert.Equal((Decision.Synced, DecisionReason.Prospect, MailFolder.SentItems), (stored.Decision, stored.Reason, stored.Folder));
        Assert.Equal(["buyer@fabrikam.com", "seller@contoso.com"], stored.Participants.Select(p => p.Address).Order());
        Assert.Equal("<p>Hello</p>", stored.Content!.BodyHtml);
    }

    private EmailDecision NewDecision(string graphId) => new()
    {
        MailboxId = mailboxId,
        GraphMessageId = graphId,
        InternetMessageId = "<a@contoso.com>",
        ConversationId = "conv-1",
        ThreadMessageIds = "<b@contoso.com>",
        Folder = MailFolder.SentItems,
        Direction = EmailDirection.Outbound,
        ReceivedAt = new DateTimeOffset(2026, 11, 30, 9, 15, 30, 123, TimeSpan.Zero),
        Subject = "Quote",
        Decision = Decision.Synced,
        Reason = DecisionReason.Prospect,
        Trace = "[]",
        Mode = SyncMode.HeaderOnly,
        BodyDownloaded = true,
        DecidedAt = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero),
        BasisVersion = 7,
        Participants =
        [
            new() { Role = ParticipantRole.From, Address = "seller@contoso.com", Domain = "contoso.com", DisplayName = "Seller" },
            new() { Role = ParticipantRole.To, Address = "buyer@fabrikam.com", Domain = "fabrikam.com" },
        ],
        Content = new EmailContent
        {
            BodyHtml = "<p>Hello</p>",
            Headers = "Subject: Quote",
            DownloadedAt = new DateTimeOffset(2026, 12, 1, 8, 0, 1, TimeSpan.Zero),
        },
    };

    // Every stored column of the decision, its participants and its content, in a fixed order.
    private async Task<List<Dictionary<string, object?>>> RowsAsync(string graphId)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        var rows = new List<Dictionary<string, object?>>();
        foreach (var sql in new[]
        {
            "SELECT * FROM EmailDecisions WHERE GraphMessageId = $id",
            "SELECT p.* FROM EmailParticipants p JOIN EmailDecisions d ON d.Id = p.EmailDecisionId WHERE d.GraphMessageId = $id ORDER BY p.Address",
            "SELECT c.* FROM EmailContents c JOIN EmailDecisions d ON d.Id = c.EmailDecisionId WHERE d.GraphMessageId = $id",
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", graphId);
            await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
            while (await reader.ReadAsync(CancellationToken.None))
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
            }
        }

        return rows;
    }

    private static Dictionary<string, object?> Without(Dictionary<string, object?> row) =>
        row.Where(c => c.Key is not ("Id" or "GraphMessageId" or "EmailDecisionId"))
            .ToDictionary(c => c.Key, c => c.Value);
}
