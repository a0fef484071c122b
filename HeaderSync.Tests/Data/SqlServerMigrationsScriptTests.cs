using HeaderSync.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HeaderSync.Tests.Data;

// No SQL Server runs on these machines: the script its migrations produce is checked instead.
public sealed class SqlServerMigrationsScriptTests
{
    private static readonly string Script = GenerateScript();

    [Theory]
    [InlineData("OrgSettings")]
    [InlineData("BasisStates")]
    [InlineData("InternalDomains")]
    [InlineData("Prospects")]
    [InlineData("Exclusions")]
    [InlineData("Mailboxes")]
    [InlineData("DeltaCursors")]
    [InlineData("EmailDecisions")]
    [InlineData("EmailParticipants")]
    [InlineData("EmailContents")]
    [InlineData("DailyDecisionCounts")]
    [InlineData("SyncRuns")]
    [InlineData("SyncRunStates")]
    [InlineData("AuditEvents")]
    [InlineData("DataProtectionKeys")]
    public void TheScriptCreatesTheTable(string table) =>
        Assert.Contains($"CREATE TABLE [{table}]", Script, StringComparison.Ordinal);

    [Theory]
    [InlineData("IX_EmailDecisions_MailboxId_GraphMessageId", "[EmailDecisions] ([MailboxId], [GraphMessageId])")]
    [InlineData("IX_Mailboxes_OwnerAddress", "[Mailboxes] ([OwnerAddress])")]
    [InlineData("IX_Prospects_Email", "[Prospects] ([Email])")]
    [InlineData("IX_Exclusions_Value", "[Exclusions] ([Value])")]
    [InlineData("IX_InternalDomains_Domain", "[InternalDomains] ([Domain])")]
    public void TheScriptCreatesTheUniqueIndex(string index, string columns) =>
        Assert.Contains($"CREATE UNIQUE INDEX [{index}] ON {columns}", Script, StringComparison.Ordinal);

    [Fact]
    public void TheReviewPageHasItsKeysetIndexes()
    {
        Assert.Contains("[EmailDecisions] ([MailboxId], [Decision], [ReceivedAt], [Id])", Script, StringComparison.Ordinal);
        Assert.Contains("[EmailParticipants] ([Address])", Script, StringComparison.Ordinal);
        Assert.Contains("[EmailParticipants] ([Domain])", Script, StringComparison.Ordinal);
    }

    [Fact]
    public void TimesAreStoredWithTheirOffsetOnSqlServer() =>
        Assert.Contains("[ReceivedAt] datetimeoffset NOT NULL", Script, StringComparison.Ordinal);

    private static string GenerateScript()
    {
        var builder = new DbContextOptionsBuilder<HeaderSyncDbContext>();
        HeaderSyncDatabase.Configure(builder, DatabaseProvider.SqlServer, "Server=unused;Database=unused");
        using var db = new HeaderSyncDbContext(builder.Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        return db.GetService<IMigrator>().GenerateScript();
    }
}
