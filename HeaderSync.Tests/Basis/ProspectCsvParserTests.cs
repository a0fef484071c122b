using System.Text;
using HeaderSync.Engine.Basis;

namespace HeaderSync.Tests.Basis;

public sealed class ProspectCsvParserTests
{
    [Fact]
    public async Task ReadsCommaSeparatedFileWithQuotedCommas()
    {
        const string csv =
            "email,name,company,account_domain\n" +
            "Jane@Fabrikam.com,\"Doe, Jane\",\"Fabrikam, Inc.\",fabrikam.com\n" +
            "bob@northwind.com,Bob,,\n";

        var result = await ParseAsync(csv);

        Assert.Empty(result.Errors);
        Assert.Equal(
            [
                new ParsedProspect(2, new Prospect("jane@fabrikam.com", "Doe, Jane", "Fabrikam, Inc.", "fabrikam.com")),
                new ParsedProspect(3, new Prospect("bob@northwind.com", "Bob")),
            ],
            result.Prospects);
    }

    [Fact]
    public async Task DetectsSemicolonsAndOtherHeaderSpellings()
    {
        const string csv =
            "Name;E-mail;Company;Account Domain\n" +
            "\"Jane; the buyer\";jane@fabrikam.com;Fabrikam;EU.Fabrikam.com\n";

        var result = await ParseAsync(csv);

        Assert.Empty(result.Errors);
        var prospect = Assert.Single(result.Prospects).Prospect;
        Assert.Equal(new Prospect("jane@fabrikam.com", "Jane; the buyer", "Fabrikam", "eu.fabrikam.com"), prospect);
    }

    [Theory]
    [InlineData("Email Address")]
    [InlineData("EMAIL")]
    [InlineData(" e-mail ")]
    public async Task RecognisesEveryEmailHeader(string header)
    {
        var result = await ParseAsync($"{header},name\njane@fabrikam.com,Jane\n");

        Assert.Equal("jane@fabrikam.com", Assert.Single(result.Prospects).Prospect.Address);
    }

    [Fact]
    public async Task ReadsUtf8WithAndWithoutByteOrderMark()
    {
        var text = "email,name\njürgen@bücher.de,Jürgen\n";
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var fromBom = await ParseBytesAsync(withBom, detectEncoding: false);
        var plain = await ParseBytesAsync(Encoding.UTF8.GetBytes(text), detectEncoding: true);
        var fromString = await ParseAsync("\uFEFF" + text);

        foreach (var result in new[] { fromBom, plain, fromString })
        {
            Assert.Empty(result.Errors);
            Assert.Equal(new Prospect("jürgen@xn--bcher-kva.de", "Jürgen"), Assert.Single(result.Prospects).Prospect);
        }
    }

    [Fact]
    public async Task BlankLinesAreSkippedAndLineNumbersStayTrue()
    {
        const string csv =
            "\n" +
            "email,name\r\n" +
            "\r\n" +
            "   \n" +
            ",\n" +
            "jane@fabrikam.com,Jane\n" +
            "\n" +
            "not-an-address,Bob\n";

        var result = await ParseAsync(csv);

        Assert.Equal(6, Assert.Single(result.Prospects).Line);
        Assert.Equal(8, Assert.Single(result.Errors).Line);
    }

    [Fact]
    public async Task QuotedFieldAcrossLinesIsOneRecordAndLaterLinesKeepTheirNumbers()
    {
        const string csv =
            "email,name,company\n" +
            "jane@fabrikam.com,\"Jane\nDoe\",\"Say \"\"hi\"\"\"\n" +
            "bad@@x.com,Bad\n";

        var result = await ParseAsync(csv);

        var jane = Assert.Single(result.Prospects);
        Assert.Equal((2, "Jane\nDoe", "Say \"hi\""), (jane.Line, jane.Prospect.Name, jane.Prospect.Company));
        Assert.Equal(4, Assert.Single(result.Errors).Line);
    }

    [Fact]
    public async Task DuplicateWithinTheFileRejectsTheLaterLine()
    {
        const string csv =
            "email,name\n" +
            "jane@fabrikam.com,First\n" +
            "bob@northwind.com,Bob\n" +
            " <JANE@Fabrikam.com> ,Second\n";

        var result = await ParseAsync(csv);

        Assert.Equal(["First", "Bob"], result.Prospects.Select(p => p.Prospect.Name));
        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.Line);
        Assert.Equal("jane@fabrikam.com is a duplicate of line 2", error.Message);
    }

    [Theory]
    [InlineData("jane,Jane,", "'jane' is not an email address")]
    [InlineData("jane@@fabrikam.com,Jane,", "is not a valid email address")]
    [InlineData("jane doe@fabrikam.com,Jane,", "is not a valid email address")]
    [InlineData(",Jane,fabrikam.com", "the email address is empty")]
    [InlineData("jane@fabrikam.com,Jane,gmail.com", "gmail.com is a free-mail domain")]
    [InlineData("jane@fabrikam.com,Jane,eu.outlook.com", "eu.outlook.com is a free-mail domain")]
    [InlineData("jane@fabrikam.com,Jane,not a domain", "account_domain: 'not a domain' is not a valid domain")]
    public async Task InvalidRowsAreReportedByLineWithAClearMessage(string row, string message)
    {
        var result = await ParseAsync("email,name,account_domain\nbob@northwind.com,Bob,\n" + row + "\n");

        Assert.Single(result.Prospects);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name,company\nJane,Fabrikam\n", 1)]
    [InlineData("\n\njane@fabrikam.com\n", 3)]
    [InlineData("", 1)]
    public async Task FileWithoutAnEmailColumnIsOneError(string csv, int line)
    {
        var result = await ParseAsync(csv);

        Assert.Empty(result.Prospects);
        Assert.Equal(line, Assert.Single(result.Errors).Line);
    }

    [Fact]
    public async Task UnclosedQuoteAtTheEndIsReportedOnItsFirstLine()
    {
        var result = await ParseAsync("email,name\njane@fabrikam.com,Jane\nbob@northwind.com,\"Bob\nstill open\n");

        Assert.Single(result.Prospects);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("not closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortRowsAndExtraColumnsAreTolerated()
    {
        const string csv = "email,name,company,notes\njane@fabrikam.com\nbob@northwind.com,Bob,Northwind,x,y,z\n";

        var result = await ParseAsync(csv);

        Assert.Empty(result.Errors);
        Assert.Equal(new Prospect("jane@fabrikam.com"), result.Prospects[0].Prospect);
        Assert.Equal(new Prospect("bob@northwind.com", "Bob", "Northwind"), result.Prospects[1].Prospect);
    }

    private static Task<ProspectCsvResult> ParseAsync(string csv) =>
        ProspectCsvParser.ParseAsync(new StringReader(csv), default);

    private static async Task<ProspectCsvResult> ParseBytesAsync(byte[] bytes, bool detectEncoding)
    {
        // Without detection the reader leaves the byte order mark in the text for the parser.
        var encoding = detectEncoding ? Encoding.UTF8 : new UTF8Encoding(false);
        using var reader = new StreamReader(new MemoryStream(bytes), encoding, detectEncoding);
        return await ProspectCsvParser.ParseAsync(reader, default);
    }
}
