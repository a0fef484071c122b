using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Engine.Retention;
using HeaderSync.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HeaderSync.Tests.Retention;

public sealed class RetentionSweepTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase database = new();
    private readonly FakeTimeProvider time = new(Start);
    private readonly Guid mailboxId = Guid.NewGuid();
    private RetentionSweep sweep = null!;

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        sweep = new RetentionSweep(new TempDatabaseContextFactory(database), time, NullLogger<RetentionSweep>.Instance);
        await using var db = database.CreateContext();
        db.Mailboxes.Add(new Mailbox { Id = mailboxId, OwnerAddress = "seller@contoso.com", Provider = EmailProvider.Office365OAuth });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task IgnoredEmailsLoseTheirReviewFieldsAfterTheWindowAndKeepTheirRowsAndCounts()
    {
        // More than one batch of old ignored emails, one recent one, one old synced one.
        await AddAsync(count: RetentionSweep.BatchSize + 20, Decision.Ignored, DecisionReason.NoProspect);
        time.Advance(TimeSpan.FromDays(20));
        await AddAsync(count: 1, Decision.Ignored, DecisionReason.Automated);
        await AddAsync(count: 1, Decision.Synced, DecisionReason.Prospect);
        var countsBefore = await CountsAsync();

        time.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));
        var result = await sweep.RunAsync(CancellationToken.None);

        Assert.Equal(new RetentionResult(RetentionSweep.BatchSize + 20, 0), result);
        await using var db = database.CreateContext();
        Assert.Equal(RetentionSweep.BatchSize + 22, await db.EmailDecisions.CountAsync());
        var cleared = await db.EmailDecisions.AsNoTracking().Where(d => d.ReviewClearedAt != null).ToListAsync();
        Assert.Equal(RetentionSweep.BatchSize + 20, cleared.Count);
        Assert.All(cleared, d =>
        {
            Assert.Equal((Decision.Ignored, DecisionReason.NoProspect), (d.Decision, d.Reason));
            Assert.Equal((null, null, null), (d.Subject, d.Trace, d.ThreadMessageIds));
            Assert.Equal(time.GetUtcNow(), d.ReviewClearedAt);
            Assert.NotNull(d.GraphMessageId);
        });
        Assert.Equal(2 * 2, await db.EmailParticipants.CountAsync());
        Assert.Equal(2, await db.EmailDecisions.CountAsync(d => d.Subject != null && d.Trace != null));
        Assert.Equal(countsBefore, await CountsAsync());
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == RetentionSweep.AuditAction);
        Assert.Equal(RetentionSweep.Actor, audit.Actor);
        Assert.Contains($"\"ReviewFieldsCleared\":{RetentionSweep.BatchSize + 20}", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncedContentIsKeptUntilContentRetentionIsSetThenPurgedAfterItsWindow()
    {
        await AddAsync(count: 3, Decision.Synced, DecisionReason.Prospect);
        time.Advance(TimeSpan.FromDays(400));

        var untouched = await sweep.RunAsync(CancellationToken.None);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, untouched.ContentPurged);
            Assert.Equal(3, await db.EmailContents.CountAsync());
            await db.OrgSettings.ExecuteUpdateAsync(s => s.SetProperty(o => o.ContentRetentionDays, 7));
        }

        await AddAsync(count: 1, Decision.Synced, DecisionReason.Thread);
        time.Advance(TimeSpan.FromDays(2));
        var purged = await sweep.RunAsync(CancellationToken.None);

        Assert.Equal(3, purged.ContentPurged);
        await using var read = database.CreateContext();
        var decisions = await read.EmailDecisions.AsNoTracking().Include(d => d.Content).Include(d => d.Participants).ToListAsync();
        Assert.Equal(3, decisions.Count(d => d.ContentPurgedAt == time.GetUtcNow() && d.Content is null));
        var recent = Assert.Single(decisions, d => d.ContentPurgedAt is null);
        Assert.NotNull(recent.Content?.BodyText);
        Assert.All(decisions, d => Assert.Equal((Decision.Synced, 2), (d.Decision, d.Participants.Count)));
        Assert.All(decisions, d => Assert.NotNull(d.Subject));
        Assert.Contains("\"ContentPurged\":3", (await read.AuditEvents.SingleAsync()).After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunWithNothingDueChangesNothingAndWritesNoAuditEntry()
    {
        await AddAsync(count: 2, Decision.Ignored, DecisionReason.NoProspect);
        time.Advance(TimeSpan.FromDays(29));

        var result = await sweep.RunAsync(CancellationToken.None);

        Assert.Equal(new RetentionResult(0, 0), result);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.EmailDecisions.CountAsync(d => d.ReviewClearedAt != null));
        Assert.Equal(0, await db.AuditEvents.CountAsync());
    }

    public Task DisposeAsync()
    {
        database.Dispose();
        return Task.CompletedTask;
    }

    private async Task AddAsync(int count, Decision decision, DecisionReason reason)
    {
        await using var db = database.CreateContext();
        var now = time.GetUtcNow();
        var offset = await db.EmailDecisions.CountAsync();
        for (var i = offset; i < offset + count; i++)
        {
            db.EmailDecisions.Add(new EmailDecision
            {
                MailboxId = mailboxId,
                GraphMessageId = $"m-{i}",
                InternetMessageId = $"<m-{i}@wingtip.example>",
                ThreadMessageIds = "<earlier@wingtip.example>",
                ReceivedAt = now.AddHours(-1),
                DecidedAt = now,
                Subject = $"Subject {i}",
                Trace = "[{\"rule\":\"Prospect\",\"result\":\"Decisive\",\"matched\":\"carol@wingtip.example\"}]",
                Decision = decision,
                Reason = reason,
                Participants =
                [
                    new EmailParticipant { Role = ParticipantRole.From, Address = "carol@wingtip.example", Domain = "wingtip.example" },
                    new EmailParticipant { Role = ParticipantRole.To, Address = "seller@contoso.com", Domain = "contoso.com" },
                ],
                Content = decision == Decision.Synced
                    ? new EmailContent { BodyText = "Hello", Headers = "From: carol@wingtip.example", DownloadedAt = now }
                    : null,
                BodyDownloaded = decision == Decision.Synced,
            });
            db.DailyDecisionCounts.Add(new DailyDecisionCount
            {
                MailboxId = mailboxId, Day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-i - 1000),
                Decision = decision, Reason = reason, Count = 1,
            });
        }

        await db.SaveChangesAsync();
    }

    private async Task<List<(DateOnly, Decision, DecisionReason, int)>> CountsAsync()
    {
        await using var db = database.CreateContext();
        var rows = await db.DailyDecisionCounts.AsNoTracking().ToListAsync();
        return [.. rows.Select(c => (c.Day, c.Decision, c.Reason, c.Count)).Order()];
    }
}
