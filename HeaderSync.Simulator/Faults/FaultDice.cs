using HeaderSync.Simulator.Generation;

namespace HeaderSync.Simulator.Faults;

/// <summary>Draws for injected faults: a fixed sequence per seed, so fault runs can be replayed.</summary>
internal sealed class FaultDice(int seed)
{
    private long _draws;

    public bool Roll(double probability) =>
        probability > 0
        && (probability >= 1
            || new SeededRandom(seed, 4, Interlocked.Increment(ref _draws)).NextDouble() < probability);
}
