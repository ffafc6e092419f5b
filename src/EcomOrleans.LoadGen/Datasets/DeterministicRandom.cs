namespace EcomOrleans.LoadGen.Datasets;

/// <summary>
/// A SplitMix64 generator whose stream is fixed by (seed, purpose, key), so a value drawn for an item or a
/// user never depends on the order in which other items or users were processed.
/// </summary>
/// <remarks>NOTE: this has to be a mutable struct; pass it by <c>ref</c> so draws advance the caller's copy.</remarks>
internal struct DeterministicRandom
{
    private ulong _state;

    public DeterministicRandom(int seed, string purpose, long key)
    {
        _state = Mix(StableHash.Of(purpose) ^ Mix((ulong)(uint)seed) ^ Mix((ulong)key + 0x632BE59BD9B4E019UL));
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [min, max).</summary>
    public double NextDouble(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>A uniform integer in [min, max] (both inclusive).</summary>
    public int NextInt(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min + 1));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>A standard normal draw (Box-Muller).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
