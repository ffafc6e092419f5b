using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EcomOrleans.Inference.Sequence;

/// <summary>
/// The item table in 8-bit codes, one scale a row, for a first pass that bounds every item's score: what
/// <see cref="CatalogScorer.Top"/> reads so that only the items that can still be among the best are scored in full
/// precision. A quarter of the float table's bytes (64 bytes a row for the served 64 dimensions), so the pass over a
/// catalog runs from the core's own cache rather than from memory; the answer is the full-precision one.
/// </summary>
/// <remarks>
/// Item row i is t = s·q + δ with q = round(t / s) in [-127, 127], s = max|t| / 127 and |δ| ≤ s/2; a request's vector
/// u = r·p + ε the same way. Then |t·u − s·r·(q·p)| ≤ (r/2)·‖t‖₁ + s·(‖u‖₁/2 + 3·dim·r/4), plus a 10⁻⁵ relative slack for
/// float rounding on both sides (<see cref="Bound"/>).
/// </remarks>
internal sealed class QuantizedItems
{
    private readonly sbyte[] _codes;
    private readonly float[] _scales;
    private readonly float[] _l1;

    private QuantizedItems(sbyte[] codes, float[] scales, float[] l1, int dim, int items)
    {
        (_codes, _scales, _l1, Dim, Items) = (codes, scales, l1, dim, items);
    }

    public int Dim { get; }

    public int Items { get; }

    /// <summary>Relative slack added to each bound for float rounding in the approximate and the exact score.</summary>
    internal const float RoundingSlack = 1e-5f;

    /// <summary>
    /// The codes of <paramref name="table"/> (row-major [items + 1, dim], row 0 padding), or <see langword="null"/> where
    /// this CPU has no 8-bit dot product (AVX-512 BW or AVX2) for rows of this width (a multiple of 32, or of 16 on
    /// AVX2), or a row is not finite: the scorer then reads the float table alone.
    /// </summary>
    public static QuantizedItems? TryBuild(ReadOnlySpan<float> table, int dim, int items)
    {
        if (!IsSupported(dim) || table.Length < (items + 1) * dim)
        {
            return null;
        }

        var codes = new sbyte[(items + 1) * dim];
        var (scales, l1) = (new float[items + 1], new float[items + 1]);
        for (var id = 0; id <= items; id++)
        {
            var row = table.Slice(id * dim, dim);
            float max = 0, sum = 0;
            foreach (var x in row)
            {
                if (!float.IsFinite(x))
                {
                    return null;
                }

                max = Math.Max(max, Math.Abs(x));
                sum += Math.Abs(x);
            }

            var scale = max / 127;
            (scales[id], l1[id]) = (scale, sum);
            for (var j = 0; j < dim; j++)
            {
                codes[(id * dim) + j] = scale == 0 ? (sbyte)0 : (sbyte)Math.Clamp(MathF.Round(row[j] / scale), -127, 127);
            }
        }

        return new QuantizedItems(codes, scales, l1, dim, items);
    }

    internal static bool IsSupported(int dim) =>
        (Avx512BW.IsSupported && dim % 32 == 0) || (Avx2.IsSupported && dim % 16 == 0);

    /// <summary>
    /// Bounds on every item's score: its full-precision score lies in [<paramref name="lower"/>[id], <paramref name="upper"/>[id]]
    /// for id in 1..items. False (and nothing written) when <paramref name="vector"/> is all zeros or not finite.
    /// </summary>
    public bool Score(ReadOnlySpan<float> vector, Span<float> lower, Span<float> upper)
    {
        float max = 0, sum = 0;
        foreach (var x in vector[..Dim])
        {
            if (!float.IsFinite(x))
            {
                return false;
            }

            max = Math.Max(max, Math.Abs(x));
            sum += Math.Abs(x);
        }

        if (max == 0)
        {
            return false;
        }

        var r = max / 127;
        Span<short> user = stackalloc short[Dim];
        for (var j = 0; j < Dim; j++)
        {
            user[j] = (short)Math.Clamp(MathF.Round(vector[j] / r), -127, 127);
        }

        var (perL1, perScale) = Bound(r, max, sum, Dim);
        if (Avx512BW.IsSupported && Dim % 32 == 0)
        {
            Dot512(user, r, perL1, perScale, lower, upper);
        }
        else
        {
            Dot256(user, r, perL1, perScale, lower, upper);
        }

        return true;
    }

    /// <summary>A row's bound is perL1 · ‖t‖₁ + perScale · s (see the remarks), rounding slack included.</summary>
    internal static (float PerL1, float PerScale) Bound(float r, float max, float l1, int dim)
    {
        var slack = RoundingSlack * (max + r);
        return ((r / 2) + slack, (l1 / 2) + (3 * dim * r / 4) + (dim * slack));
    }

    private void Dot512(ReadOnlySpan<short> user, float r, float perL1, float perScale, Span<float> lower, Span<float> upper)
    {
        var chunks = Dim / 32;
        Span<Vector512<short>> u = stackalloc Vector512<short>[chunks];
        MemoryMarshal.Cast<short, Vector512<short>>(user).CopyTo(u);
        var rows = MemoryMarshal.Cast<sbyte, Vector256<sbyte>>(_codes);
        for (var id = 1; id <= Items; id++)
        {
            var row = rows.Slice(id * chunks, chunks);
            var sum = Avx512BW.MultiplyAddAdjacent(Avx512BW.ConvertToVector512Int16(row[0]), u[0]);
            for (var c = 1; c < chunks; c++)
            {
                sum += Avx512BW.MultiplyAddAdjacent(Avx512BW.ConvertToVector512Int16(row[c]), u[c]);
            }

            var scale = _scales[id];
            var approximate = Vector512.Sum(sum) * scale * r;
            var bound = (perL1 * _l1[id]) + (perScale * scale);
            (lower[id], upper[id]) = (approximate - bound, approximate + bound);
        }
    }

    private void Dot256(ReadOnlySpan<short> user, float r, float perL1, float perScale, Span<float> lower, Span<float> upper)
    {
        var chunks = Dim / 16;
        Span<Vector256<short>> u = stackalloc Vector256<short>[chunks];
        MemoryMarshal.Cast<short, Vector256<short>>(user).CopyTo(u);
        var rows = MemoryMarshal.Cast<sbyte, Vector128<sbyte>>(_codes);
        for (var id = 1; id <= Items; id++)
        {
            var row = rows.Slice(id * chunks, chunks);
            var sum = Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(row[0]), u[0]);
            for (var c = 1; c < chunks; c++)
            {
                sum += Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(row[c]), u[c]);
            }

            var scale = _scales[id];
            var approximate = Vector256.Sum(sum) * scale * r;
            var bound = (perL1 * _l1[id]) + (perScale * scale);
            (lower[id], upper[id]) = (approximate - bound, approximate + bound);
        }
    }
}
