using EcomOrleans.Grains.Common;

namespace EcomOrleans.Grains.Tests.Common;

public sealed class DedupFingerprintsTests
{
    [Fact]
    public void MayContain_EveryKeyOfTheWindow_IsTrue()
    {
        var keys = Keys(seed: 1, count: 1_000);
        var fingerprints = DedupFingerprints.Of(Window(keys));

        Assert.Equal(1_000, fingerprints.Count);
        Assert.All(keys, key => Assert.True(fingerprints.MayContain(key)));
    }

    [Fact]
    public void MayContain_KeysNotInTheWindow_IsFalseForAllButAboutOneIn17000()
    {
        var fingerprints = DedupFingerprints.Of(Window(Keys(seed: 1, count: 1_000)));
        var others = Keys(seed: 2, count: 200_000);

        var matches = others.Count(fingerprints.MayContain);

        // 200,000 tries at 1,000 / 2^24 each: 11.9 expected; a Poisson count of at most 30 fails about once in 10^5 runs,
        // and a fingerprint of 16 bits (3,052 expected) or 8 (all) could not pass.
        Assert.InRange(matches, 0, 30);
    }

    [Fact]
    public void MayContain_KeysAlikeInTheirLowBits_AreStillTold()
    {
        // FNV-1a keys of ids that differ in one character differ most in their high bits; keys equal in their low
        // 32 bits must not share a fingerprint.
        var keys = Enumerable.Range(1, 1_000).Select(i => (ulong)i << 32).ToArray();
        var fingerprints = DedupFingerprints.Of(Window(keys));

        var matches = Enumerable.Range(1_001, 100_000).Count(i => fingerprints.MayContain((ulong)i << 32));

        Assert.InRange(matches, 0, 30);
    }

    [Fact]
    public void Of_AnEmptyWindow_ContainsNothing()
    {
        var fingerprints = DedupFingerprints.Of(new DedupState());

        Assert.Same(DedupFingerprints.Empty, fingerprints);
        Assert.False(fingerprints.MayContain(0));
    }

    private static DedupState Window(ulong[] keys) => new() { Keys = keys, Count = keys.Length, Next = 0 };

    private static ulong[] Keys(int seed, int count)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63))];
    }
}
