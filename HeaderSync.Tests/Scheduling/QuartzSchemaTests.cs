using HeaderSync.Data.Database;
using HeaderSync.Engine.Scheduling;

namespace HeaderSync.Tests.Scheduling;

// No SQL Server runs on these machines: the statements `migrate` sends it are checked instead.
// PostgreSQL's run for real in the two-node tests.
public sealed class QuartzSchemaTests
{
    private static readonly IReadOnlyList<string> SqlServer = QuartzSchema.Statements(DatabaseProvider.SqlServer);

    [Theory]
    [InlineData("QRTZ_JOB_DETAILS")]
    [InlineData("QRTZ_TRIGGERS")]
    [InlineData("QRTZ_SIMPLE_TRIGGERS")]
    [InlineData("QRTZ_FIRED_TRIGGERS")]
    [InlineData("QRTZ_SCHEDULER_STATE")]
    [InlineData("QRTZ_LOCKS")]
    public void TheSqlServerScriptCreatesTheClusteredStoresTableOnlyWhenMissing(string table)
    {
        var statement = Assert.Single(SqlServer, s => s.Contains($"CREATE TABLE {table} (", StringComparison.Ordinal));

        Assert.Contains($"IF OBJECT_ID(N'{table}', N'U') IS NULL", statement, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryStatementIsGuardedAndFilledIn()
    {
        Assert.True(SqlServer.Count > 10);
        Assert.All(SqlServer, statement =>
        {
            Assert.DoesNotContain("{0}", statement, StringComparison.Ordinal);
            Assert.DoesNotContain("{1}", statement, StringComparison.Ordinal);
            Assert.DoesNotContain("--;;", statement, StringComparison.Ordinal);
            Assert.DoesNotContain("DROP ", statement, StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith("IF ", statement.Split('\n').First(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)),
                StringComparison.Ordinal);
        });
    }

    [Fact]
    public void SqliteKeepsItsScheduleInMemoryAndGetsNoTables() =>
        Assert.Empty(QuartzSchema.Statements(DatabaseProvider.Sqlite));
}
