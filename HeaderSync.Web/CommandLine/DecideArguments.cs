namespace HeaderSync.Web.CommandLine;

/// <summary>
/// <c>decide [--prospects FILE.csv] [--internal-domains a.com,b.com] [--exclusions FILE]
/// [--no-account-domains] FILE...</c>
/// </summary>
public sealed record DecideArguments(
    string? ProspectsFile,
    IReadOnlyList<string>? InternalDomains,
    string? ExclusionsFile,
    bool NoAccountDomains,
    IReadOnlyList<string> Files)
{
    public const string Usage = "usage: decide [--prospects FILE.csv] [--internal-domains a.com,b.com] "
        + "[--exclusions FILE] [--no-account-domains] FILE...";

    // With any basis flag the database is not opened and missing parts of the basis are empty.
    public bool HasBasisFlags =>
        ProspectsFile is not null || InternalDomains is not null || ExclusionsFile is not null
        || NoAccountDomains;

    public static DecideArguments Parse(IReadOnlyList<string> args)
    {
        string? prospects = null, exclusions = null;
        IReadOnlyList<string>? internalDomains = null;
        var noAccountDomains = false;
        var files = new List<string>();

        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--prospects":
                    prospects = Value(args, ++i, "--prospects");
                    break;
                case "--exclusions":
                    exclusions = Value(args, ++i, "--exclusions");
                    break;
                case "--internal-domains":
                    internalDomains = Value(args, ++i, "--internal-domains")
                        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                case "--no-account-domains":
                    noAccountDomains = true;
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new UsageException($"Unknown option '{option}'.");
                default:
                    files.Add(args[i]);
                    break;
            }
        }

        return files.Count == 0
            ? throw new UsageException("Give at least one .eml or .json file.")
            : new DecideArguments(prospects, internalDomains, exclusions, noAccountDomains, files);
    }

    private static string Value(IReadOnlyList<string> args, int index, string option) =>
        index < args.Count && !args[index].StartsWith("--", StringComparison.Ordinal)
            ? args[index]
            : throw new UsageException($"{option} needs a value.");
}
