using System.Globalization;

namespace HeaderSync.Bench.Hosting;

/// <summary>The simulated tenant a scenario syncs: its size and its network.</summary>
internal sealed record TenantSpec(
    int Mailboxes, int MessagesPerMailbox, int LatencyMs = 0, int LatencyMsPerKb = 0, int Seed = 1)
{
    public const double RelevantShare = 0.1;

    public IEnumerable<string> ToArguments() =>
    [
        "--mailboxes", Text(Mailboxes), "--messages", Text(MessagesPerMailbox),
        "--latency-ms", Text(LatencyMs), "--latency-ms-per-kb", Text(LatencyMsPerKb), "--seed", Text(Seed),
    ];

    public static TenantSpec Parse(IReadOnlyList<string> args)
    {
        int Value(string name, int fallback)
        {
            var index = args.ToList().IndexOf(name);
            return index >= 0 && index + 1 < args.Count
                ? int.Parse(args[index + 1], CultureInfo.InvariantCulture)
                : fallback;
        }

        return new TenantSpec(
            Value("--mailboxes", 1), Value("--messages", 100), Value("--latency-ms", 0),
            Value("--latency-ms-per-kb", 0), Value("--seed", 1));
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
