using HeaderSync.Data.Audit;
using HeaderSync.Data.Basis;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Privacy;
using HeaderSync.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HeaderSync.Tests.Privacy;

public sealed class PersonErasureTests : IAsyncLifetime
{
    private const string Carol = "carol@wingtip.example";
    private const string Admin = "admin@contoso.com";

    private readonly TempDatabase database = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly Guid mailboxId = Guid.NewGuid();
    private PersonErasure erasure = null!;

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        erasure = new PersonErasure(new TempDatabaseContextFactory(database), time, NullLogger<PersonErasure>.Instance);
        await using var db = database.CreateContext();
        db.Mailboxes.Add(new Mailbox { Id = mailboxId, OwnerAddress = "seller@contoso.com", Provider = EmailProvider.Office365OAuth });
        db.Prospects.Add(new Prospect { Email = Carol, Name = "Carol Stranger", Company = "Wingtip" });
        db.Prospects.Add(new Prospect { Email = "dave@fourth.example", Name = "Dave" });
        db.AuditEvents.Add(new AuditEvent { Actor = Admin, Action = "prospect.added", Target = Carol, After = $"{{\"Email\":\"{Carol}\"}}" });
        db.AuditEvents.Add(new AuditEvent { Actor = Admin, Action = "prospect.added", Target = "dave@fourth.example" });
        await db.SaveChangesAsync();
        db.EmailDecisions.AddRange(
            Email("from-carol", Decision.Synced, DecisionReason.Prospect, "Offer", Carol, "seller@contoso.com",
                body: "Hi, Carol here."),
            Email("to-carol", Decision.Ignored, DecisionReason.NoProspect, "Lunch?", "seller@contoso.com", Carol, "erin@fifth.example"),
            Email("quoting-carol", Decision.Synced, DecisionReason.Prospect, "Fwd: offer", "dave@fourth.example", "seller@contoso.com",
                body: "Carol Stranger <Carol@Wingtip.example> wrote: see below"),
            Email("dave-only", Decision.Synced, DecisionReason.Prospect, "Contract", "dave@fourth.example", "seller@contoso.com",
                body: "The contract, signed."));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task NothingOfTheAddressRemainsInAnyTableAndOtherPeoplesEmailsAreUntouched()
    {
        var before = await SnapshotAsync("dave-only");
        var counted = await TotalCountAsync();

        var result = await erasure.EraseAsync("  Carol@Wingtip.EXAMPLE ", excludeFromNowOn: false, Admin, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(3, result.Emails);
        Assert.True(result.ProspectRemoved);
        Assert.Equal(1, result.AuditEntriesRedacted);
        Assert.Empty(await MentionsAsync(Carol));
        Assert.Equal(before, await SnapshotAsync("dave-only"));
        Assert.Equal(counted, await TotalCountAsync());
        await using var db = database.CreateContext();
        Assert.True(await db.Prospects.AnyAsync(p => p.Email == "dave@fourth.example"));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Target == "dave@fourth.example"));
        var erased = await db.EmailDecisions.AsNoTracking().Include(d => d.Participants).Include(d => d.Content)
            .Where(d => d.GraphMessageId != "dave-only").ToListAsync();
        Assert.All(erased, d =>
        {
            Assert.Equal((Decision.Ignored, DecisionReason.Erased), (d.Decision, d.Reason));
            Assert.Equal((null, null, null, null), (d.Subject, d.Trace, d.InternetMessageId, d.ConversationId));
            Assert.Empty(d.Participants);
            Assert.Null(d.Content);
            Assert.Equal(time.GetUtcNow(), d.ContentPurgedAt);
        });
        Assert.Equal(3, await db.DailyDecisionCounts.Where(c => c.Reason == DecisionReason.Erased).SumAsync(c => c.Count));
        Assert.Equal(1, await db.DailyDecisionCounts.Where(c => c.Decision == Decision.Synced).SumAsync(c => c.Count));
    }

    [Fact]
    public async Task TheErasureIsAuditedUnderAHashOfTheAddressAndEarlierEntriesNameOnlyThatHash()
    {
        var result = await erasure.EraseAsync(Carol, excludeFromNowOn: false, Admin, CancellationToken.None);

        var token = PersonErasure.TokenOf(Carol);
        Assert.Equal(token, result.Token);
        Assert.Matches("^sha256:[0-9a-f]{64}$", token);
        await using var db = database.CreateContext();
        var entry = await db.AuditEvents.SingleAsync(a => a.Action == PersonErasure.AuditAction);
        Assert.Equal((Admin, token, time.GetUtcNow()), (entry.Actor, entry.Target, entry.At));
        Assert.Contains("\"Emails\":3", entry.After, StringComparison.Ordinal);
        var earlier = await db.AuditEvents.SingleAsync(a => a.Action == "prospect.added" && a.Target != "dave@fourth.example");
        Assert.Equal(token, earlier.Target);
        Assert.Contains(token, earlier.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepingThemOutOfLaterSyncsLeavesTheAddressOnTheExclusionListAlone()
    {
        long version;
        await using (var db = database.CreateContext())
        {
            version = await db.BasisStates.Select(b => b.Version).SingleAsync();
        }

        var result = await erasure.EraseAsync(Carol, excludeFromNowOn: true, Admin, CancellationToken.None);

        Assert.True(result.ExcludedFromNowOn);
        Assert.Equal(["Exclusions.Value"], await MentionsAsync(Carol));
        await using var read = database.CreateContext();
        var exclusion = await read.Exclusions.SingleAsync();
        Assert.Equal((ExclusionKind.Address, PersonErasure.ExclusionNote), (exclusion.Kind, exclusion.Note));
        Assert.Equal(version + 1, await read.BasisStates.Select(b => b.Version).SingleAsync());
    }

    [Theory]
    [InlineData("seller@contoso.com", "connected mailbox")]
    [InlineData("not an address", "not an email address")]
    [InlineData("", "empty")]
    public async Task AMailboxOrSomethingThatIsNoAddressIsRefusedAndNothingChanges(string address, string error)
    {
        var preview = await erasure.PreviewAsync(address, CancellationToken.None);
        var result = await erasure.EraseAsync(address, excludeFromNowOn: true, Admin, CancellationToken.None);

        Assert.Contains(error, preview.Error, StringComparison.Ordinal);
        Assert.Contains(error, result.Error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.EmailDecisions.CountAsync(d => d.Reason == DecisionReason.Erased));
        Assert.Equal(0, await db.AuditEvents.CountAsync(a => a.Action == PersonErasure.AuditAction));
        Assert.Equal(0, await db.Exclusions.CountAsync());
    }

    [Fact]
    public async Task ThePreviewCountsWhatAnErasureWouldTouch()
    {
        var preview = await erasure.PreviewAsync(Carol.ToUpperInvariant(), CancellationToken.None);

        Assert.Equal(new ErasurePreview(Carol, 3, IsProspect: true, IsExcluded: false, Error: null), preview);
    }

    public Task DisposeAsync()
    {
        database.Dispose();
        return Task.CompletedTask;
    }

    // Every text column of every table, searched the way a regulator's query would: by the raw text.
    private async Task<List<string>> MentionsAsync(string address)
    {
        var found = new List<string>();
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("EmailDecisions", tables);
        Assert.Contains("AuditEvents", tables);
        foreach (var table in tables)
        {
            var columns = new List<string>();
            await using (var info = connection.CreateCommand())
            {
                info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
                await using var reader = await info.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    columns.Add(reader.GetString(0));
                }
            }

            foreach (var column in columns)
            {
                await using var search = connection.CreateCommand();
                search.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE lower(CAST(\"{column}\" AS TEXT)) LIKE $pattern";
                search.Parameters.AddWithValue("$pattern", $"%{address.ToLowerInvariant()}%");
                if ((long)(await search.ExecuteScalarAsync())! > 0)
                {
                    found.Add($"{table}.{column}");
                }
            }
        }

        return found;
    }

    private async Task<(string?, string?, string?, int)> SnapshotAsync(string graphId)
    {
        await using var db = database.CreateContext();
        var d = await db.EmailDecisions.AsNoTracking().Include(x => x.Participants).Include(x => x.Content)
            .SingleAsync(x => x.GraphMessageId == graphId);
        return (d.Subject, d.Content?.BodyText, d.Trace, d.Participants.Count);
    }

    private async Task<int> TotalCountAsync()
    {
        await using var db = database.CreateContext();
        return await db.DailyDecisionCounts.SumAsync(c => c.Count);
    }

    private EmailDecision Email(
        string id, Decision decision, DecisionReason reason, string subject, string from, string to, string? cc = null,
        string? body = null)
    {
        var received = time.GetUtcNow().AddDays(-1);
        List<EmailParticipant> participants =
        [
            new() { Role = ParticipantRole.From, Address = from, Domain = from[(from.IndexOf('@') + 1)..] },
            new() { Role = ParticipantRole.To, Address = to, Domain = to[(to.IndexOf('@') + 1)..] },
        ];
        if (cc is not null)
        {
            participants.Add(new() { Role = ParticipantRole.Cc, Address = cc, Domain = cc[(cc.IndexOf('@') + 1)..] });
        }

        using (var db = database.CreateContext())
        {
            var day = DateOnly.FromDateTime(received.UtcDateTime);
            var row = db.DailyDecisionCounts.Find(mailboxId, day, decision, reason);
            if (row is null)
            {
                db.DailyDecisionCounts.Add(new DailyDecisionCount { MailboxId = mailboxId, Day = day, Decision = decision, Reason = reason, Count = 1 });
            }
            else
            {
                row.Count++;
            }

            db.SaveChanges();
        }

        return new EmailDecision
        {
            MailboxId = mailboxId,
            GraphMessageId = id,
            InternetMessageId = $"<{id}@{from[(from.IndexOf('@') + 1)..]}>",
            ConversationId = $"conv-{id}",
            ReceivedAt = received,
            DecidedAt = received,
            Subject = subject,
            Decision = decision,
            Reason = reason,
            Trace = $"[{{\"rule\":\"{reason}\",\"result\":\"Decisive\",\"matched\":\"{from}\"}}]",
            BodyDownloaded = body is not null,
            Participants = participants,
            Content = body is null ? null : new EmailContent { BodyText = body, Headers = $"From: {from}\r\nTo: {to}\r\n" },
        };
    }
}
