using System.Diagnostics;
using System.Text;
using HeaderSync.Data.Database;
using HeaderSync.Engine.Basis;
using HeaderSync.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using StoredProspect = HeaderSync.Data.Basis.Prospect;

namespace HeaderSync.Tests.Basis;

public sealed class ProspectImportTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private BasisImport import = null!;

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        import = new BasisImport(new TempDatabaseContextFactory(database), TimeProvider.System);
        await using var db = database.CreateContext();
        db.Prospects.Add(new StoredProspect { Email = "known@fabrikam.com", Name = "Known", Company = "Fabrikam" });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task AMessySpreadsheetExportIsPreviewedLineByLineAndOnlyItsValidLinesAreImported()
    {
        // Semicolons, a byte order mark, CRLF, quoted delimiters and quotes, a quoted line break,
        // blank lines and a row of empty cells, as spreadsheets write them.
        var csv = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            "Name;E-mail;Company;Account Domain\r\n" +                              // 1
            "\"Doe; Jane\";Jane.Doe@Northwind.com;\"Northwind, \"\"Traders\"\"\";northwind.com\r\n" + // 2
            "\r\n" +                                                                // 3
            "Known Again;KNOWN@fabrikam.com;Fabrikam AG;fabrikam.com\r\n" +         // 4
            ";;;\r\n" +                                                             // 5
            "Free Mail;free@gmail.com;Consulting;gmail.com\r\n" +                   // 6
            "Jane Twice;jane.doe@northwind.com;;\r\n" +                             // 7
            "\"Two\r\nLines\";two@contoso-partner.com;;\r\n" +                      // 8-9
            "No Address;;Acme;acme.com\r\n" +                                       // 10
            "Broken;not-an-address;;\r\n" +                                         // 11
            "   \r\n" +                                                             // 12
            "Ümlaut;jürgen@bücher.de;Bücher GmbH;bücher.de\r\n")).ToArray();       // 13

        var preview = await PreviewAsync(csv);

        Assert.Equal(
            [
                (2, "jane.doe@northwind.com", false),
                (4, "known@fabrikam.com", true),
                (8, "two@contoso-partner.com", false),
                (13, "jürgen@xn--bcher-kva.de", false),
            ],
            preview.Rows.Select(r => (r.Line, r.Prospect.Address, r.Updates)));
        Assert.Equal(
            [
                new LineError(6, "account_domain: gmail.com is a free-mail domain and cannot be an account domain"),
                new LineError(7, "jane.doe@northwind.com is a duplicate of line 2"),
                new LineError(10, "the email address is empty"),
                new LineError(11, "'not-an-address' is not an email address"),
            ],
            preview.Errors);
        Assert.Equal(new Prospect("jane.doe@northwind.com", "Doe; Jane", "Northwind, \"Traders\"", "northwind.com"), preview.Rows[0].Prospect);
        Assert.Equal("Two\nLines", preview.Rows[2].Prospect.Name);
        Assert.Equal((3, 1), (preview.New, preview.Updated));

        var result = await import.ImportProspectsAsync(preview, "admin@contoso.com", "crm.csv", CancellationToken.None);

        Assert.Equal(new BasisImportResult(3, 1, 0), result);
        await using var db = database.CreateContext();
        Assert.Equal(
            ["jane.doe@northwind.com", "jürgen@xn--bcher-kva.de", "known@fabrikam.com", "two@contoso-partner.com"],
            await db.Prospects.OrderBy(p => p.Email).Select(p => p.Email).ToListAsync());
        var known = await db.Prospects.SingleAsync(p => p.Email == "known@fabrikam.com");
        Assert.Equal(("Known Again", "Fabrikam AG", "fabrikam.com"), (known.Name, known.Company, known.AccountDomain));
        Assert.False(await db.Prospects.AnyAsync(p => p.Email == "free@gmail.com"));
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "basis.imported");
        Assert.Equal(("admin@contoso.com", "crm.csv"), (audit.Actor, audit.Target));
        Assert.Contains("\"ProspectsAdded\":3", audit.After, StringComparison.Ordinal);
        var basis = await db.BasisStates.SingleAsync();
        Assert.Equal((2L, "admin@contoso.com"), (basis.Version, basis.ChangedBy));
    }

    [Theory]
    [InlineData("name,company\nJane,Fabrikam\n", 1, "the header row has no email column (email, Email Address or E-mail)")]
    [InlineData("", 1, "the file is empty: a header row with an email column is needed")]
    [InlineData("\uFEFF\n\n", 1, "the file is empty: a header row with an email column is needed")]
    public async Task AFileWithoutAnEmailColumnIsRefusedWhole(string csv, int line, string message)
    {
        var preview = await PreviewAsync(Encoding.UTF8.GetBytes(csv));

        Assert.Empty(preview.Rows);
        Assert.Equal([new LineError(line, message)], preview.Errors);
        await ImportAndAssertNothingChangedAsync(preview);
    }

    [Fact]
    public async Task AFileBadOnEveryLineImportsNothing()
    {
        var csv = "email,account_domain\nnobody,\nsomeone@gmail.com,outlook.com\n\"open@quote.com,x\n";

        var preview = await PreviewAsync(Encoding.UTF8.GetBytes(csv));

        Assert.Empty(preview.Rows);
        Assert.Equal(
            [
                new LineError(2, "'nobody' is not an email address"),
                new LineError(3, "account_domain: outlook.com is a free-mail domain and cannot be an account domain"),
                new LineError(4, "a quoted field is not closed before the end of the file"),
            ],
            preview.Errors);
        await ImportAndAssertNothingChangedAsync(preview);
    }

    [Fact]
    public async Task AnImportTheDatabaseRefusesHalfwayLeavesNothingBehind()
    {
        var csv = new StringBuilder("email,name\n");
        for (var i = 0; i < 500; i++)
        {
            csv.Append($"p{i:D3}@northwind.com,Person {i}\n");
        }

        var preview = await PreviewAsync(Encoding.UTF8.GetBytes(csv.ToString()));
        await using (var db = database.CreateContext())
        {
            // The 400th insert fails, as a full disk or a lost connection would fail it.
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER refuse BEFORE INSERT ON Prospects WHEN NEW.Email = 'p399@northwind.com' " +
                "BEGIN SELECT RAISE(ABORT, 'refused'); END");
        }

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            import.ImportProspectsAsync(preview, "admin@contoso.com", "big.csv", CancellationToken.None));

        await using var read = database.CreateContext();
        Assert.Equal(["known@fabrikam.com"], await read.Prospects.Select(p => p.Email).ToListAsync());
        Assert.False(await read.AuditEvents.AnyAsync());
        Assert.Equal(1, (await read.BasisStates.SingleAsync()).Version);
    }

    [Fact]
    public async Task FiftyThousandRowsArePreviewedAndImportedWithTheirBadLinesNamed()
    {
        var csv = new StringBuilder("email;name;company;account_domain\n");
        for (var i = 0; i < 50_000; i++)
        {
            // Lines 10,002 and 40,002 are bad; line 30,002 repeats line 2's address.
            var line = i switch
            {
                10_000 => "bad-address;Bad;;",
                30_000 => "person00000@company0.com;Again;;",
                40_000 => $"person{i:D5}@company{i % 500}.com;Free;;yahoo.com",
                _ => $"person{i:D5}@company{i % 500}.com;\"Person {i}; Jr\";Company {i % 500};company{i % 500}.com",
            };
            csv.Append(line).Append('\n');
        }

        var clock = Stopwatch.StartNew();
        var preview = await PreviewAsync(Encoding.UTF8.GetBytes(csv.ToString()));
        var previewed = clock.Elapsed;
        clock.Restart();
        var result = await import.ImportProspectsAsync(preview, "admin@contoso.com", "big.csv", CancellationToken.None);
        var imported = clock.Elapsed;

        output.WriteLine($"50,000 rows: preview {previewed.TotalMilliseconds:F0} ms, import {imported.TotalMilliseconds:F0} ms");
        Assert.Equal(
            [
                new LineError(10_002, "'bad-address' is not an email address"),
                new LineError(30_002, "person00000@company0.com is a duplicate of line 2"),
                new LineError(40_002, "account_domain: yahoo.com is a free-mail domain and cannot be an account domain"),
            ],
            preview.Errors);
        Assert.Equal(new BasisImportResult(49_997, 0, 0), result);
        await using var db = database.CreateContext();
        Assert.Equal(49_998, await db.Prospects.CountAsync());
        Assert.Equal("Person 49999; Jr", (await db.Prospects.SingleAsync(p => p.Email == "person49999@company499.com")).Name);
    }

    public Task DisposeAsync()
    {
        database.Dispose();
        return Task.CompletedTask;
    }

    private async Task<ProspectImportPreview> PreviewAsync(byte[] file)
    {
        using var reader = new StreamReader(new MemoryStream(file), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await import.PreviewProspectsAsync(reader, CancellationToken.None);
    }

    private async Task ImportAndAssertNothingChangedAsync(ProspectImportPreview preview)
    {
        var result = await import.ImportProspectsAsync(preview, "admin@contoso.com", "bad.csv", CancellationToken.None);

        Assert.Equal(new BasisImportResult(0, 0, 0), result);
        await using var db = database.CreateContext();
        Assert.Equal(["known@fabrikam.com"], await db.Prospects.Select(p => p.Email).ToListAsync());
        Assert.False(await db.AuditEvents.AnyAsync());
        Assert.Equal(1, (await db.BasisStates.SingleAsync()).Version);
    }
}
