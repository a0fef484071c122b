namespace HeaderSync.Simulator.Generation;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed forever, so a seed names the same
/// tenant on every machine and runtime (System.Random's seeded sequence is not a contract).
/// </summary>
internal sealed class SeededRandom
{
    private ulong _state;

    public SeededRandom(params ReadOnlySpan<long> parts)
    {
        _state = 0x9E3779B97F4A7C15UL;
        foreach (var part in parts)
        {
            _state = Mix(_state ^ (ulong)part);
        }
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    public int Next(int maxExclusive) =>
        maxExclusive <= 1 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

    public int Next(int minInclusive, int maxExclusive) =>
        minInclusive + Next(maxExclusive - minInclusive);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, NextUInt64());
        BitConverter.TryWriteBytes(bytes[8..], NextUInt64());

        // Version 4, RFC 4122 variant: ids look like the ones Entra hands out.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public string NextHex(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = "0123456789abcdef"[Next(16)];
        }

        return new string(chars);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
