using System.Data.Common;
using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Review;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HeaderSync.Tests.Review;

public sealed class ReviewQueryTests(ReviewDatabase seeded) : IClassFixture<ReviewDatabase>
{
    private static readonly Dictionary<string, ReviewFilter> Filters = new()
    {
        ["none"] = new ReviewFilter(),
        ["ignored, one participant"] = new ReviewFilter(Decision: Decision.Ignored, Participant: "p1@fabrikam.com"),
        ["one mailbox"] = new ReviewFilter(MailboxId: Guid.Parse("00000002-0000-0000-0000-000000000000")),
    };

    public static TheoryData<ReviewSortKey, bool, string> SortsAndFilters()
    {
        var data = new TheoryData<ReviewSortKey, bool, string>();
        foreach (var key in Enum.GetValues<ReviewSortKey>())
        {
            foreach (var descending in new[] { false, true })
            {
                foreach (var filter in Filters.Keys)
                {
                    data.Add(key, descending, filter);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SortsAndFilters))]
    public async Task PagingShowsEveryMatchingDecisionOnceInTheSortsOrder(
        ReviewSortKey key, bool descending, string filterName)
    {
        var filter = Filters[filterName];
        var sort = new ReviewSort(key, descending);
        var query = new ReviewQuery(new TempDatabaseContextFactory(seeded.Database));

        var shown = new List<ReviewRow>();
        ReviewCursor? after = null;
        do
        {
            var page = await query.PageAsync(filter, sort, after, CancellationToken.None);
            Assert.True(page.Next is null || page.Rows.Count == ReviewQuery.PageSize);
            shown.AddRange(page.Rows);
            after = page.Next;
        }
        while (after is not null);

        var expected = await ExpectedOrderAsync(filter, sort);
        Assert.True(expected.Count > ReviewQuery.PageSize, $"only {expected.Count} match: page boundaries untested");
        Assert.Equal(shown.Count, shown.Select(r => r.Id).Distinct().Count());
        Assert.Equal(expected, shown.Select(r => r.Id));
    }

    [Fact]
    public async Task TheFirstPageSaysWhetherMoreFollowAndTheLastSaysNone()
    {
        var query = new ReviewQuery(new TempDatabaseContextFactory(seeded.Database));
        var filter = new ReviewFilter(Reason: DecisionReason.Sensitive);
        var all = await query.CountAsync(filter, CancellationToken.None);

        var first = await query.PageAsync(filter, new(ReviewSortKey.Reason, false), null, CancellationToken.None);

        Assert.Equal(all, first.Rows.Count);
        Assert.Null(first.Next);
        Assert.All(first.Rows, r => Assert.Equal(DecisionReason.Sensitive, r.Reason));
    }

    [Theory]
    [MemberData(nameof(SortsAndFilters))]
    public async Task EveryPageIsReadThroughAnIndexWithoutSortingTheMatches(
        ReviewSortKey key, bool descending, string filterName)
    {
        var recorder = new RecordingContextFactory(seeded.Database);
        var query = new ReviewQuery(recorder);

        var first = await query.PageAsync(Filters[filterName], new(key, descending), null, CancellationToken.None);
        await query.PageAsync(Filters[filterName], new(key, descending), first.Next, CancellationToken.None);

        var pageQueries = recorder.Commands
            .Where(c => c.CommandText.Contains("FROM \"EmailDecisions\"", StringComparison.Ordinal)
                && c.CommandText.Contains("ORDER BY", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(pageQueries);
        foreach (var command in pageQueries)
        {
            var plan = await PlanAsync(command);
            Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
            Assert.Contains("INDEX", plan, StringComparison.Ordinal);
        }
    }

    private async Task<List<long>> ExpectedOrderAsync(ReviewFilter filter, ReviewSort sort)
    {
        await using var db = seeded.Database.CreateContext();
        var all = await db.EmailDecisions.AsNoTracking().Include(d => d.Participants).ToListAsync();
        var matching = all.Where(d => (filter.MailboxId is null || d.MailboxId == filter.MailboxId)
            && (filter.Decision is null || d.Decision == filter.Decision)
            && (filter.Participant is null || d.Participants.Any(p => p.Address == filter.Participant)));
        if (sort.Key == ReviewSortKey.Received)
        {
            var byTime = matching.OrderBy(d => d.ReceivedAt).ThenBy(d => d.Id).Select(d => d.Id);
            return [.. sort.Descending ? byTime.Reverse() : byTime];
        }

        string Group(EmailDecision d) => sort.Key switch
        {
            ReviewSortKey.Mailbox => seeded.Mailboxes[d.MailboxId],
            ReviewSortKey.Decision => d.Decision.ToString(),
            _ => d.Reason.ToString(),
        };
        var groups = sort.Descending
            ? matching.OrderByDescending(Group, StringComparer.Ordinal)
            : matching.OrderBy(Group, StringComparer.Ordinal);
        return [.. groups.ThenByDescending(d => d.ReceivedAt).ThenByDescending(d => d.Id).Select(d => d.Id)];
    }

    private async Task<string> PlanAsync(RecordedCommand command)
    {
        await using var connection = new SqliteConnection(seeded.Database.ConnectionString);
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join(" | ", steps);
    }

    private sealed record RecordedCommand(string CommandText, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Contexts on the seeded file that remember every query they send.</summary>
    private sealed class RecordingContextFactory(TempDatabase database)
        : DbCommandInterceptor, IDbContextFactory<HeaderSyncDbContext>
    {
        public List<RecordedCommand> Commands { get; } = [];

        public HeaderSyncDbContext CreateDbContext()
        {
            var builder = new DbContextOptionsBuilder<HeaderSyncDbContext>();
            HeaderSyncDatabase.Configure(builder, DatabaseProvider.Sqlite, database.ConnectionString);
            builder.AddInterceptors(this);
            return new HeaderSyncDbContext(builder.Options);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            Commands.Add(new RecordedCommand(
                command.CommandText,
                [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
