namespace HeaderSync.Bench;

/// <summary>The bench's command line: how big, where the report goes, which scenarios.</summary>
internal sealed record BenchOptions(bool Quick, string Out, IReadOnlySet<string>? Only)
{
    public const string Usage = "usage: HeaderSync.Bench [--quick] [--out DIR] [--only "
        + "efficiency,modes,throughput,status,review,memory,decision]";

    public bool Runs(string scenario) => Only is null || Only.Contains(scenario);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var quick = false;
        string? output = null;
        HashSet<string>? only = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--out" when i + 1 < args.Count:
                    output = args[++i];
                    break;
                case "--only" when i + 1 < args.Count:
                    only = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    break;
                default:
                    throw new ArgumentException($"Unknown or incomplete argument '{args[i]}'.");
            }
        }

        return new BenchOptions(quick, Path.GetFullPath(output ?? DefaultOut()), only);
    }

    // bench/results at the repository root when run from inside it, else under the current folder.
    private static string DefaultOut()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HeaderSync.sln")))
            {
                return Path.Combine(dir.FullName, "bench", "results");
            }
        }

        return Path.Combine("bench", "results");
    }
}
