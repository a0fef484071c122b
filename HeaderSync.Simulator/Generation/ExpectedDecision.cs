namespace HeaderSync.Simulator.Generation;

/// <summary>The decision the generator built a message to receive.</summary>
public enum ExpectedDecision
{
    Synced,
    Ignored,
}
