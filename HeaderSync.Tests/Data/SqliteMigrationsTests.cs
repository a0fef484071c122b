using HeaderSync.Data.Audit;
using HeaderSync.Data.Basis;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Data.Runs;
using HeaderSync.Data.Settings;
using HeaderSync.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Tests.Data;

public sealed class SqliteMigrationsTests : IDisposable
{
    private static readonly DateTimeOffset Received = new(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);
    private readonly TempDatabase database = new();

    [Fact]
    public async Task MigrationsCreateEveryTableAndSeedTheSingletons()
    {
        await database.MigrateAsync();

        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var settings = await db.OrgSettings.SingleAsync();
        Assert.False(settings.HeaderOnlySync);
        Assert.Equal(15, settings.SyncIntervalMinutes);
        Assert.Equal(90, settings.HistoryWindowDays);
        Assert.True(settings.AccountDomainMatching);
        Assert.Equal(30, settings.ReviewRetentionDays);
        Assert.Null(settings.ContentRetentionDays);
        Assert.Equal(1, (await db.BasisStates.SingleAsync()).Version);
    }

    [Fact]
    public async Task EveryEntityRoundTripsThroughTheDatabaseFile()
    {
        await database.MigrateAsync();
        var mailboxId = Guid.NewGuid();
        var runId = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            db.Mailboxes.Add(NewMailbox(mailboxId, "seller@contoso.com"));
            db.DeltaCursors.Add(new DeltaCursor
            {
                MailboxId = mailboxId, Folder = MailFolder.Inbox, Mode = SyncMode.HeaderOnly,
                Link = "https://graph/delta?$deltatoken=abc", RoundComplete = true, RoundStartedAt = Received,
            });
            db.Prospects.Add(new Prospect
            {
                Email = "ana@fabrikam.com", Name = "Ana", Company = "Fabrikam", AccountDomain = "fabrikam.com",
            });
            db.InternalDomains.Add(new InternalDomain { Domain = "contoso.com", Source = InternalDomainSource.Verified });
            db.Exclusions.Add(new Exclusion { Value = "rival.com", Kind = ExclusionKind.Domain, Note = "competitor" });
            db.EmailDecisions.Add(NewDecision(mailboxId, "AAMk-1"));
            db.DailyDecisionCounts.Add(new DailyDecisionCount
            {
                MailboxId = mailboxId, Day = new DateOnly(2026, 11, 30), Decision = Decision.Synced,
                Reason = DecisionReason.Prospect, Count = 3,
            });
            db.SyncRuns.Add(new SyncRun
            {
                Id = runId, MailboxId = mailboxId, Node = "node-a", Trigger = SyncTrigger.Resync, Full = true,
                Mode = SyncMode.HeaderOnly, StartedAt = Received, Outcome = SyncOutcome.Completed, Requests = 7,
                States = [new SyncRunState { State = MailboxState.ScanningHeaders, At = Received }],
            });
            db.AuditEvents.Add(new AuditEvent
            {
                At = Received, Actor = "admin@contoso.com", Action = "settings.saved",
                Before = """{"HeaderOnlySync":false}""", After = """{"HeaderOnlySync":true}""",
            });
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var mailbox = await read.Mailboxes.SingleAsync();
        Assert.Equal(MailboxState.Throttled, mailbox.Status.State);
        Assert.Equal(Received.AddMinutes(5), mailbox.Status.ThrottledUntil);
        Assert.Equal("node-a", mailbox.LeaseOwner);
        Assert.Equal(42, mailbox.BudgetRequestsUsed);
        Assert.Equal("https://graph/delta?$deltatoken=abc", (await read.DeltaCursors.SingleAsync()).Link);
        Assert.Equal("fabrikam.com", (await read.Prospects.SingleAsync()).AccountDomain);
        Assert.Equal(InternalDomainSource.Verified, (await read.InternalDomains.SingleAsync()).Source);
        Assert.Equal(ExclusionKind.Domain, (await read.Exclusions.SingleAsync()).Kind);
        var decision = await read.EmailDecisions.Include(d => d.Participants).Include(d => d.Content).SingleAsync();
        Assert.Equal(Received, decision.ReceivedAt);
        Assert.Equal(DecisionReason.Prospect, decision.Reason);
        Assert.Equal(SyncMode.HeaderOnly, decision.Mode);
        Assert.True(decision.BodyDownloaded);
        Assert.Equal(["ana@fabrikam.com", "seller@contoso.com"], decision.Participants.Select(p => p.Address).Order());
        Assert.Equal("keep this", decision.Content!.BodyText);
        Assert.Equal(3, (await read.DailyDecisionCounts.SingleAsync()).Count);
        var run = await read.SyncRuns.Include(r => r.States).SingleAsync();
        Assert.Equal(MailboxState.ScanningHeaders, Assert.Single(run.States).State);
        Assert.Equal("settings.saved", (await read.AuditEvents.SingleAsync()).Action);
    }

    [Fact]
    public async Task TokensAreStoredAsTheirNames()
    {
        await database.MigrateAsync();
        var mailboxId = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            db.Mailboxes.Add(NewMailbox(mailboxId, "seller@contoso.com"));
            db.EmailDecisions.Add(NewDecision(mailboxId, "AAMk-1"));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var row = await read.Database
            .SqlQueryRaw<string>("SELECT Reason || '/' || Mode || '/' || Decision AS Value FROM EmailDecisions")
            .SingleAsync();

        Assert.Equal("Prospect/HeaderOnly/Synced", row);
    }

    [Fact]
    public async Task ASecondDecisionForTheSameMailboxAndGraphIdIsRefused()
    {
        await database.MigrateAsync();
        var mailboxId = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            db.Mailboxes.Add(NewMailbox(mailboxId, "seller@contoso.com"));
            db.EmailDecisions.Add(NewDecision(mailboxId, "AAMk-1"));
            await db.SaveChangesAsync();
        }

        await using var again = database.CreateContext();
        again.EmailDecisions.Add(NewDecision(mailboxId, "AAMk-1"));

        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
    }

    [Fact]
    public async Task TheSameGraphIdInAnotherMailboxIsAnotherDecision()
    {
        await database.MigrateAsync();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await using var db = database.CreateContext();
        db.Mailboxes.AddRange(NewMailbox(first, "a@contoso.com"), NewMailbox(second, "b@contoso.com"));
        db.EmailDecisions.AddRange(NewDecision(first, "AAMk-1"), NewDecision(second, "AAMk-1"));

        await db.SaveChangesAsync();

        Assert.Equal(2, await db.EmailDecisions.CountAsync());
    }

    [Fact]
    public async Task AStaleSaveOfTheOrgSettingsFails()
    {
        await database.MigrateAsync();
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.OrgSettings.SingleAsync();
        var theirs = await second.OrgSettings.SingleAsync();

        theirs.HeaderOnlySync = true;
        theirs.Version++;
        await second.SaveChangesAsync();
        mine.SyncIntervalMinutes = 30;
        mine.Version++;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
        await using var read = database.CreateContext();
        var stored = await read.OrgSettings.SingleAsync();
        Assert.True(stored.HeaderOnlySync);
        Assert.Equal(15, stored.SyncIntervalMinutes);
    }

    [Fact]
    public async Task KeysetPagingOrdersByReceivedTimeThenId()
    {
        await database.MigrateAsync();
        var mailboxId = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            db.Mailboxes.Add(NewMailbox(mailboxId, "seller@contoso.com"));
            for (var i = 0; i < 5; i++)
            {
                var decision = NewDecision(mailboxId, $"AAMk-{i}");
                decision.ReceivedAt = Received.AddHours(i % 3);
                db.EmailDecisions.Add(decision);
            }

            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var after = (At: Received.AddHours(1), Id: long.MaxValue);
        var page = await read.EmailDecisions
            .Where(d => d.MailboxId == mailboxId)
            .Where(d => d.ReceivedAt < after.At || (d.ReceivedAt == after.At && d.Id < after.Id))
            .OrderByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Id)
            .Select(d => d.GraphMessageId)
            .ToListAsync();

        Assert.Equal(["AAMk-4", "AAMk-1", "AAMk-3", "AAMk-0"], page);
    }

    public void Dispose() => database.Dispose();

    private static Mailbox NewMailbox(Guid id, string address) => new()
    {
        Id = id,
        OwnerAddress = address,
        GraphUserId = $"user-{id:N}",
        Provider = EmailProvider.Office365OAuth,
        AddedAt = Received,
        LeaseOwner = "node-a",
        LeaseExpiresAt = Received.AddMinutes(2),
        BudgetWindowStartedAt = Received,
        BudgetRequestsUsed = 42,
        Status = new MailboxStatus
        {
            State = MailboxState.Throttled,
            ThrottledUntil = Received.AddMinutes(5),
            HeadersScanned = 10,
        },
    };

    private static EmailDecision NewDecision(Guid mailboxId, string graphId) => new()
    {
        MailboxId = mailboxId,
        GraphMessageId = graphId,
        InternetMessageId = $"<{graphId}@fabrikam.com>",
        ConversationId = "conv-1",
        Folder = MailFolder.Inbox,
        Direction = EmailDirection.Inbound,
        ReceivedAt = Received,
        Subject = "Renewal",
        Decision = Decision.Synced,
        Reason = DecisionReason.Prospect,
        Trace = """[{"rule":"Prospect","result":"Decisive","matched":"ana@fabrikam.com"}]""",
        Mode = SyncMode.HeaderOnly,
        BodyDownloaded = true,
        DecidedAt = Received,
        BasisVersion = 1,
        Participants =
        [
            new EmailParticipant { Role = ParticipantRole.From, Address = "ana@fabrikam.com", Domain = "fabrikam.com" },
            new EmailParticipant { Role = ParticipantRole.To, Address = "seller@contoso.com", Domain = "contoso.com" },
        ],
        Content = new EmailContent { BodyText = "keep this", BodyHtml = "<p>keep this</p>", DownloadedAt = Received },
    };
}
