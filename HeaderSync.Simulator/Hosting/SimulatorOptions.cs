using HeaderSync.Simulator.Faults;

namespace HeaderSync.Simulator;

/// <summary>Settings of the simulated tenant, bound from the <c>Simulator</c> section.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    public int Seed { get; set; } = 1;

    public int Mailboxes { get; set; } = 5;

    public int MessagesPerMailbox { get; set; } = 200;

    public int LatencyMs { get; set; }

    public double RelevantShare { get; set; } = 0.1;

    public bool RecordRequests { get; set; } = true;

    public FaultOptions Faults { get; set; } = new();

    /// <summary>Throws with the offending key when a setting is out of range.</summary>
    public void Validate()
    {
        if (Mailboxes is < 1 or > 500)
        {
            throw new InvalidOperationException("Simulator:Mailboxes must be between 1 and 500.");
        }

        if (MessagesPerMailbox is < 0 or > 2_000_000)
        {
            throw new InvalidOperationException(
                "Simulator:MessagesPerMailbox must be between 0 and 2000000.");
        }

        if (RelevantShare is < 0 or > 1)
        {
            throw new InvalidOperationException("Simulator:RelevantShare must be between 0 and 1.");
        }

        if (LatencyMs < 0)
        {
            throw new InvalidOperationException("Simulator:LatencyMs must not be negative.");
        }

        Faults.Validate();
    }
}
