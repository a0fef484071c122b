using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Relevance;

namespace HeaderSync.Web.CommandLine;

/// <summary>
/// The basis <c>decide</c> builds from its flags alone; what no flag gives is empty. Lines the
/// engine's parsers reject are reported and skipped, as the import page does.
/// </summary>
internal static class FlagBasis
{
    /// <summary>The basis, or null when a flag's value cannot be used (already reported).</summary>
    public static async Task<BasisIndex?> LoadAsync(
        DecideArguments arguments, TextWriter error, CancellationToken cancellationToken)
    {
        List<Prospect> prospects = [];
        List<Exclusion> exclusions = [];
        try
        {
            if (arguments.ProspectsFile is { } prospectsFile)
            {
                using var reader = File.OpenText(prospectsFile);
                var parsed = await ProspectCsvParser.ParseAsync(reader, cancellationToken);
                await ReportAsync(error, prospectsFile, parsed.Errors);
                prospects = [.. parsed.Prospects.Select(p => p.Prospect)];
            }

            if (arguments.ExclusionsFile is { } exclusionsFile)
            {
                using var reader = File.OpenText(exclusionsFile);
                var parsed = await ExclusionFileParser.ParseAsync(reader, cancellationToken);
                await ReportAsync(error, exclusionsFile, parsed.Errors);
                exclusions = [.. parsed.Exclusions.Select(e => e.Exclusion)];
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot read a basis file: {exception.Message}");
            return null;
        }

        // A domain that is not one would silently leave colleagues looking external.
        var internalDomains = arguments.InternalDomains ?? [];
        foreach (var domain in internalDomains)
        {
            if (!DomainNames.TryNormalize(domain, out _, out var domainError))
            {
                await error.WriteLineAsync($"--internal-domains: {domainError}.");
                return null;
            }
        }

        var index = BasisIndex.Create(new RelevanceBasis
        {
            Prospects = prospects,
            InternalDomains = internalDomains,
            Exclusions = exclusions,
            AccountDomainMatching = !arguments.NoAccountDomains,
        });
        foreach (var refused in index.RefusedAccountDomains)
        {
            await error.WriteLineAsync(
                $"Account domain {refused} is not used: it is internal, free-mail or not a domain.");
        }

        return index;
    }

    private static async Task ReportAsync(
        TextWriter error, string file, IReadOnlyList<LineError> errors)
    {
        foreach (var lineError in errors)
        {
            await error.WriteLineAsync($"{file} line {lineError.Line}: {lineError.Message}; skipped.");
        }
    }
}
