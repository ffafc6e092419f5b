namespace EcomOrleans.Grains.Common;

/// <summary>
/// 24 bits of each key of a dedup window kept in storage: what a grain holds in memory of the keys it has spilled,
/// 3 bytes a key where the key itself is 8. A key whose fingerprint is absent is certainly not in the window; one
/// whose fingerprint is present may be, and is checked against the stored keys, so the window decides on the full
/// 64 bits. A fresh key matches one of 1,000 fingerprints with a chance of 1,000 in 2^24, about 1 in 17,000.
/// </summary>
/// <remarks>
/// The fingerprint is taken from the top bits of the key times an odd constant, which depend on every bit of the
/// key: the keys are FNV-1a hashes, whose low bits mix less than their high ones. The low 16 bits of the fingerprint
/// sit in one <c>ushort[]</c> for a vectorised scan and the high 8 in a <c>byte[]</c> beside it, read on a match.
/// </remarks>
public sealed class DedupFingerprints
{
    private const ulong Mix = 0x9E3779B97F4A7C15;

    private readonly ushort[] _low;
    private readonly byte[] _high;

    private DedupFingerprints(ushort[] low, byte[] high)
    {
        _low = low;
        _high = high;
    }

    /// <summary>No keys spilled.</summary>
    public static DedupFingerprints Empty { get; } = new([], []);

    public int Count => _low.Length;

    /// <summary>The fingerprints of the keys in use of <paramref name="window"/>.</summary>
    public static DedupFingerprints Of(DedupState window)
    {
        if (window.Count == 0)
        {
            return Empty;
        }

        var low = new ushort[window.Count];
        var high = new byte[window.Count];
        for (var i = 0; i < window.Count; i++)
        {
            (low[i], high[i]) = Split(window.Keys[i]);
        }

        return new DedupFingerprints(low, high);
    }

    /// <summary>False when <paramref name="key"/> is certainly not among the keys; true when it may be.</summary>
    public bool MayContain(ulong key)
    {
        var (low, high) = Split(key);
        var offset = 0;
        while (true)
        {
            var found = _low.AsSpan(offset).IndexOf(low);
            if (found < 0)
            {
                return false;
            }

            if (_high[offset + found] == high)
            {
                return true;
            }

            offset += found + 1;
        }
    }

    private static (ushort Low, byte High) Split(ulong key)
    {
        var mixed = key * Mix;
        return ((ushort)(mixed >> 48), (byte)(mixed >> 40));
    }
}
