using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HeaderSync.Engine.Basis;

namespace HeaderSync.Tests.Basis;

public sealed class ParserPropertyTests
{
    private static readonly string[] Pieces =
    [
        "email", "name", "account_domain", "E-mail", ",", ";", "\"", "\"\"", "\n", "\r\n", "\r", " ",
        "#", "*@", "@", "jane@fabrikam.com", "gmail.com", "bücher.de", "\uFEFF", "\uD800", "\0",
    ];

    private static Gen<string> Text { get; } = Gen.OneOf(
        Gen.Elements(Pieces).ListOf().Select(p => string.Concat(p)),
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty));

    [Property(MaxTest = 300)]
    public Property AnyCsvTextGivesRowsAndErrorsOnRealLines() =>
        Prop.ForAll(Text.ToArbitrary(), async text =>
        {
            var result = await ProspectCsvParser.ParseAsync(new StringReader(text), default);
            var lines = Math.Max(1, CountLines(text));

            return result.Prospects.All(p => p.Line >= 1 && p.Line <= lines)
                && result.Errors.All(e => e.Line >= 1 && e.Line <= lines && e.Message.Length > 0)
                && result.Prospects.DistinctBy(p => p.Prospect.Address).Count() == result.Prospects.Count;
        });

    [Property(MaxTest = 300)]
    public Property AnyExclusionsTextGivesOneOutcomePerEntryLine() =>
        Prop.ForAll(Text.ToArbitrary(), async text =>
        {
            var result = await ExclusionFileParser.ParseAsync(new StringReader(text), default);
            var lines = result.Exclusions.Select(e => e.Line)
                .Concat(result.Errors.Select(e => e.Line))
                .ToList();

            return lines.Distinct().Count() == lines.Count && lines.All(l => l >= 1 && l <= CountLines(text));
        });

    private static int CountLines(string text)
    {
        var count = 0;
        using var reader = new StringReader(text);
        while (reader.ReadLine() is not null)
        {
            count++;
        }

        return count;
    }
}
