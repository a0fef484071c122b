using System.Diagnostics;
using System.Text.Json.Nodes;
using HeaderSync.Bench.Hosting;
using HeaderSync.Bench.Reporting;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Web.Review;
using Microsoft.EntityFrameworkCore;

namespace HeaderSync.Bench.Scenarios;

/// <summary>
/// 5. The Review page's query (mailbox, decision, date range; keyset page of 50, participants
/// included) over a large SQLite database, first pages and the pages after them.
/// </summary>
internal sealed class ReviewQueryScenario(bool quick) : Scenario
{
    public const double TargetP95Ms = 50;
    private const int DaysOfMail = 365;
    private const int RangeDays = 30;

    public override string Key => "review";

    public override string Title => "5. Review query";

    public override async Task RunAsync(BenchReport report, CancellationToken cancellationToken)
    {
        var total = quick ? 10_000 : 1_000_000;
        var mailboxCount = quick ? 2 : 20;
        var queries = quick ? 20 : 300;
        await using var host = await EngineHost.StartAsync(
            null, new Dictionary<string, string?>(), cancellationToken,
            builder => builder.Services.AddSingleton<ReviewQuery>());

        var seeding = Stopwatch.StartNew();
        var now = TimeProvider.System.GetUtcNow();
        var mailboxes = await SeedAsync(host, total / mailboxCount, mailboxCount, now, cancellationToken);
        var seedSeconds = seeding.Elapsed.TotalSeconds;

        var query = host.Services.GetRequiredService<ReviewQuery>();
        var random = new Random(8);
        var firstPages = new List<double>();
        var nextPages = new List<double>();
        for (var i = -10; i < queries; i++)
        {
            var from = DateOnly.FromDateTime(now.AddDays(-DaysOfMail + random.Next(DaysOfMail - RangeDays)).UtcDateTime);
            var filter = new ReviewFilter(
                MailboxId: mailboxes[random.Next(mailboxes.Count)],
                Decision: i % 2 == 0 ? Data.Decisions.Decision.Ignored : Data.Decisions.Decision.Synced,
                From: from,
                To: from.AddDays(RangeDays));

            var watch = Stopwatch.StartNew();
            var page = await query.PageAsync(filter, ReviewSort.Newest, null, cancellationToken);
            var first = watch.Elapsed.TotalMilliseconds;
            double? next = null;
            if (page.Next is { } after)
            {
                watch.Restart();
                await query.PageAsync(filter, ReviewSort.Newest, after, cancellationToken);
                next = watch.Elapsed.TotalMilliseconds;
            }

            // The first ten warm the connection pool and EF's query cache.
            if (i >= 0)
            {
                firstPages.Add(first);
                if (next is { } n)
                {
                    nextPages.Add(n);
                }
            }
        }

        var all = firstPages.Concat(nextPages).ToList();
        var p50 = Percentiles.Of(all, 50);
        var p95 = Percentiles.Of(all, 95);
        report.Number("reviewQueryP95Ms", p95);
        report.Details(Key, new JsonObject
        {
            ["decisions"] = total,
            ["mailboxes"] = mailboxCount,
            ["seedSeconds"] = Math.Round(seedSeconds, 1),
            ["queries"] = all.Count,
            ["p50Ms"] = Math.Round(p50, 2),
            ["p95Ms"] = Math.Round(p95, 2),
            ["firstPageP95Ms"] = Math.Round(Percentiles.Of(firstPages, 95), 2),
            ["nextPageP95Ms"] = Math.Round(Percentiles.Of(nextPages, 95), 2),
        });
        report.Section(Title,
            FormattableString.Invariant($"{total:N0} decisions (two participants each) over {mailboxCount} mailboxes and {DaysOfMail} days in SQLite, 10 % synced. The Review page's `ReviewQuery.PageAsync`: one mailbox, one decision, a {RangeDays}-day range, newest first, a page of {ReviewQuery.PageSize} with its participants, then the keyset page after it."),
            "",
            FormattableString.Invariant($"{all.Count} queries ({firstPages.Count} first pages, {nextPages.Count} next pages): p50 **{p50:F1} ms**, p95 **{p95:F1} ms** (target p95 <= {TargetP95Ms:F0} ms: {Verdict(p95 <= TargetP95Ms)}). Seeding took {seedSeconds:F0} s."));
    }

    // One mailbox through EF (so every column is stored as the product stores it), then copied in SQL.
    private static async Task<List<Guid>> SeedAsync(
        EngineHost host, int perMailbox, int mailboxCount, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mailboxes = Enumerable.Range(0, mailboxCount).Select(i => new Mailbox
        {
            Id = Guid.NewGuid(),
            OwnerAddress = $"seller{i}@contoso.com",
            GraphUserId = Guid.NewGuid().ToString(),
            Provider = EmailProvider.Office365OAuth,
            AddedAt = now,
        }).ToList();
        await using (var db = host.CreateContext())
        {
            db.Mailboxes.AddRange(mailboxes);
            await db.SaveChangesAsync(cancellationToken);
        }

        const int chunk = 5_000;
        var step = TimeSpan.FromDays(DaysOfMail) / perMailbox;
        var start = now.AddDays(-DaysOfMail);
        for (var offset = 0; offset < perMailbox; offset += chunk)
        {
            await using var db = host.CreateContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = offset; i < Math.Min(perMailbox, offset + chunk); i++)
            {
                db.EmailDecisions.Add(NewDecision(mailboxes[0].Id, i, start + (step * i), now));
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await using (var db = host.CreateContext())
        {
            // The copies go in without the non-unique indexes, which are then built once from
            // sorted data: the same database in a fraction of the time that keeping them up to
            // date row by row takes. The unique index and the participants' index on their
            // decision stay: they pair each copied participant with its decision.
            await db.Database.OpenConnectionAsync(cancellationToken);
            var indexes = await db.Database
                .SqlQueryRaw<IndexDefinition>(
                    """
                    SELECT name AS Name, sql AS Sql FROM sqlite_master
                    WHERE type = 'index' AND tbl_name IN ('EmailDecisions', 'EmailParticipants')
                        AND sql NOT LIKE 'CREATE UNIQUE%' AND name <> 'IX_EmailParticipants_EmailDecisionId'
                    """)
                .ToListAsync(cancellationToken);
            foreach (var index in indexes)
            {
#pragma warning disable EF1002 // Index names come from the schema itself.
                await db.Database.ExecuteSqlRawAsync($"DROP INDEX \"{index.Name}\"", cancellationToken);
#pragma warning restore EF1002
            }

            var columns = await db.Database
                .SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('EmailDecisions') WHERE name NOT IN ('Id', 'MailboxId')")
                .ToListAsync(cancellationToken);
            var participantColumns = await db.Database
                .SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('EmailParticipants') WHERE name NOT IN ('Id', 'EmailDecisionId')")
                .ToListAsync(cancellationToken);
            var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
            var participants = string.Join(", ", participantColumns.Select(c => $"\"{c}\""));
            var fromParticipants = string.Join(", ", participantColumns.Select(c => $"p.\"{c}\""));
            var source = mailboxes[0].OwnerAddress;
            foreach (var mailbox in mailboxes.Skip(1))
            {
                var owner = mailbox.OwnerAddress;
#pragma warning disable EF1002 // Column names come from the schema itself; addresses are the bench's own.
                await db.Database.ExecuteSqlRawAsync(
                    $"""
                    INSERT INTO EmailDecisions (MailboxId, {list})
                    SELECT (SELECT Id FROM Mailboxes WHERE OwnerAddress = '{owner}'), {list}
                    FROM EmailDecisions WHERE MailboxId = (SELECT Id FROM Mailboxes WHERE OwnerAddress = '{source}')
                    """, cancellationToken);
                await db.Database.ExecuteSqlRawAsync(
                    $"""
                    INSERT INTO EmailParticipants (EmailDecisionId, {participants})
                    SELECT n.Id, {fromParticipants}
                    FROM EmailParticipants p
                    JOIN EmailDecisions o ON o.Id = p.EmailDecisionId
                    JOIN EmailDecisions n ON n.MailboxId = (SELECT Id FROM Mailboxes WHERE OwnerAddress = '{owner}')
                        AND n.GraphMessageId = o.GraphMessageId
                    WHERE o.MailboxId = (SELECT Id FROM Mailboxes WHERE OwnerAddress = '{source}')
                    """, cancellationToken);
#pragma warning restore EF1002
            }

            foreach (var index in indexes)
            {
                await db.Database.ExecuteSqlRawAsync(index.Sql, cancellationToken);
            }
        }

        return [.. mailboxes.Select(m => m.Id)];
    }

    private sealed record IndexDefinition(string Name, string Sql);

    private static EmailDecision NewDecision(Guid mailbox, int i, DateTimeOffset received, DateTimeOffset now)
    {
        var synced = i % 10 == 0;
        var reason = synced ? DecisionReason.Prospect
            : (i % 4) switch
            {
                0 => DecisionReason.Automated,
                1 => DecisionReason.InternalOnly,
                _ => DecisionReason.NoProspect,
            };
        var inbound = i % 3 != 0;
        var other = $"person{i % 5_000}@company{i % 700}.example";
        return new EmailDecision
        {
            MailboxId = mailbox,
            GraphMessageId = $"AAMkAGI2TG93AAA{i:D10}",
            InternetMessageId = $"<{i}.{mailbox:N}@mail.example>",
            ConversationId = $"AAQkAGI2{i / 3:D10}",
            Folder = inbound ? MailFolder.Inbox : MailFolder.SentItems,
            Direction = inbound ? EmailDirection.Inbound : EmailDirection.Outbound,
            ReceivedAt = received,
            Subject = $"Quarterly review {i}",
            Decision = synced ? Decision.Synced : Decision.Ignored,
            Reason = reason,
            Trace = $"[{{\"rule\":\"{reason}\",\"result\":\"Decisive\",\"matched\":\"{other}\"}}]",
            Mode = SyncMode.HeaderOnly,
            BodyDownloaded = synced,
            DecidedAt = now,
            BasisVersion = 1,
            Participants =
            [
                new EmailParticipant
                {
                    Role = ParticipantRole.From, Address = inbound ? other : "seller@contoso.com",
                    Domain = inbound ? other.Split('@')[1] : "contoso.com",
                },
                new EmailParticipant
                {
                    Role = ParticipantRole.To, Address = inbound ? "seller@contoso.com" : other,
                    Domain = inbound ? "contoso.com" : other.Split('@')[1],
                },
            ],
        };
    }
}
