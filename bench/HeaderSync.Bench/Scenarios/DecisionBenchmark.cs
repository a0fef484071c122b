using BenchmarkDotNet.Attributes;
using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Relevance;

namespace HeaderSync.Bench.Scenarios;

/// <summary>The relevance rules over a mailbox's worth of real header fields, per email.</summary>
[MemoryDiagnoser]
public class DecisionBenchmark
{
    public const int EmailsPerInvoke = 1_000;

    // Set before BenchmarkDotNet runs the benchmark in this process (in-process toolchain).
    internal static DecisionInputs? Inputs { get; set; }

    [Benchmark(OperationsPerInvoke = EmailsPerInvoke)]
    public int DecideEmails()
    {
        var inputs = Inputs ?? throw new InvalidOperationException("No decision inputs loaded.");
        var synced = 0;
        foreach (var email in inputs.Emails)
        {
            if (RelevanceDecider.Decide(email, inputs.Basis, inputs.Threads).Decision == Decision.Synced)
            {
                synced++;
            }
        }

        return synced;
    }
}
