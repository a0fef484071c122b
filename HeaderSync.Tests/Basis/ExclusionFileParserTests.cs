using HeaderSync.Engine.Basis;
using ExclusionKind = HeaderSync.Data.Basis.ExclusionKind;

namespace HeaderSync.Tests.Basis;

public sealed class ExclusionFileParserTests
{
    [Fact]
    public async Task ReadsEntriesSkipsCommentsAndReportsBadLinesByNumber()
    {
        const string file =
            "\uFEFF# partners we never sync\n" +
            "blocked@adatum.com\n" +
            "\n" +
            "*@spam.example   # whole domain\n" +
            "   litware.com\r\n" +
            "not an address\n" +
            "a#b@adatum.com\n" +
            "#*@commented.example\n" +
            "bad@\n";

        var result = await ExclusionFileParser.ParseAsync(new StringReader(file), default);

        Assert.Equal(
            [
                (2, new Exclusion(ExclusionKind.Address, "blocked@adatum.com")),
                (4, new Exclusion(ExclusionKind.Domain, "spam.example")),
                (5, new Exclusion(ExclusionKind.Domain, "litware.com")),
                (7, new Exclusion(ExclusionKind.Address, "a#b@adatum.com")),
            ],
            result.Exclusions.Select(e => (e.Line, e.Exclusion)));
        Assert.Equal([6, 9], result.Errors.Select(e => e.Line));
        Assert.Contains("not an address", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyFileGivesNothing()
    {
        var result = await ExclusionFileParser.ParseAsync(new StringReader(""), default);

        Assert.Empty(result.Exclusions);
        Assert.Empty(result.Errors);
    }
}
