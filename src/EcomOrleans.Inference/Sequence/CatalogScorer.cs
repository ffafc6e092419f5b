using System.Buffers;
using System.Collections.Immutable;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EcomOrleans.Inference.Sequence;

/// <summary>Scores catalog items by the dot product of their embedding with a user vector (SIMD), keeping the best in a bounded heap.</summary>
public static class CatalogScorer
{
    /// <summary>The <paramref name="count"/> best-scoring items, best first (ties: lower item id first), leaving out <paramref name="exclude"/>.</summary>
    public static ImmutableArray<ScoredSku> Top(SequenceModel model, ReadOnlySpan<float> vector, int count, IReadOnlyList<string> exclude)
    {
        CheckDimension(model, vector);
        if (count <= 0)
        {
            return [];
        }

        // The excluded ids sorted, for a binary search: a request excludes a few SKUs (the cart, purchases, picks
        // already made), and a set of them cost about 700 bytes a request.
        Span<int> excluded = exclude.Count <= MaxStackExclusions ? stackalloc int[exclude.Count] : new int[exclude.Count];
        for (var i = 0; i < exclude.Count; i++)
        {
            excluded[i] = model.IdOf(exclude[i]);
        }

        excluded.Sort();
        var best = TopIds(model.ItemTable, model.Quantized, vector, model.Dim, model.ItemCount, count, excluded);
        var top = new ScoredSku[best.Length];
        for (var i = 0; i < best.Length; i++)
        {
            top[i] = new ScoredSku(model.Skus[best[i].Id], best[i].Score);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(top);
    }

    /// <summary>
    /// The ids and scores of the <paramref name="count"/> best rows of <paramref name="table"/> but
    /// <paramref name="excluded"/> (sorted), best first, ties to the lower id. Every score is the full-precision one of
    /// <see cref="ScoreAll"/>. With <paramref name="quantized"/>, a first pass bounds every row's score from its 8-bit
    /// codes; the <paramref name="count"/>-th best lower bound is then a floor no row under it can reach past, and
    /// only the rows whose upper bound reaches it are scored in full (a few dozen of 12,101 on Beauty), so the answer
    /// is the one a full pass gives.
    /// </summary>
    internal static (int Id, float Score)[] TopIds(
        ReadOnlySpan<float> table, QuantizedItems? quantized, ReadOnlySpan<float> vector, int dim, int items, int count, ReadOnlySpan<int> excluded) =>
        TopIds(table, quantized, vector, dim, items, count, excluded, out _);

    /// <param name="scoredInFull">Rows scored in full precision: every row without <paramref name="quantized"/>.</param>
    internal static (int Id, float Score)[] TopIds(
        ReadOnlySpan<float> table, QuantizedItems? quantized, ReadOnlySpan<float> vector, int dim, int items, int count, ReadOnlySpan<int> excluded,
        out int scoredInFull)
    {
        scoredInFull = 0;
        count = Math.Min(count, items);
        if (count <= 0)
        {
            return [];
        }

        var scores = ArrayPool<float>.Shared.Rent(items + 1);
        // With the first pass, scores holds each row's lower bound and uppers its upper bound.
        var uppers = quantized is null ? null : ArrayPool<float>.Shared.Rent(items + 1);
        var heap = ArrayPool<(float Score, int NegativeId)>.Shared.Rent(count);
        try
        {
            var floor = float.NegativeInfinity;
            var bounded = quantized is not null && InlineLanes(dim) > 0 && quantized.Score(vector, scores, uppers);
            if (bounded)
            {
                floor = CountthLowerBound(scores, items, count, excluded, heap);
            }
            else
            {
                ScoreAll(table, vector, dim, items, scores);
                scoredInFull = items;
            }

            var size = 0;
            var lanes = InlineLanes(dim);
            var rows = lanes > 0 ? MemoryMarshal.Cast<float, Vector<float>>(table) : default;
            var user = lanes > 0 ? MemoryMarshal.Cast<float, Vector<float>>(vector) : default;
            for (var id = 1; id <= items; id++)
            {
                float score;
                if (bounded)
                {
                    // Eight rows at a time while none of them can reach the floor.
                    while (id + Vector256<float>.Count <= items + 1
                        && Vector256.GreaterThanOrEqualAny(Vector256.Create(uppers!.AsSpan(id, Vector256<float>.Count)), Vector256.Create(floor)) is false)
                    {
                        id += Vector256<float>.Count;
                    }

                    if (id > items)
                    {
                        break;
                    }

                    if (uppers![id] < floor)
                    {
                        continue;
                    }

                    score = Row(rows, user, lanes, id);
                    scoredInFull++;
                }
                else
                {
                    score = scores[id];
                }

                // Not better than the weakest kept (a lower score, or the same score and a higher id): compared as
                // floats first, since nearly every row stops here.
                if (size == count && (score < heap[0].Score || (score == heap[0].Score && -id <= heap[0].NegativeId)))
                {
                    continue;
                }

                if (excluded.BinarySearch(id) >= 0)
                {
                    continue;
                }

                var key = (score, -id);

                if (size < count)
                {
                    heap[size] = key;
                    SiftUp(heap, size++);
                }
                else
                {
                    heap[0] = key;
                    SiftDown(heap, size);
                }
            }

            // Best first: the highest score, and on a tie the lower id.
            var best = heap.AsSpan(0, size);
            best.Sort(static (a, b) => b.CompareTo(a));
            var top = new (int, float)[size];
            for (var i = 0; i < size; i++)
            {
                top[i] = (-best[i].NegativeId, best[i].Score);
            }

            return top;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            if (uppers is not null)
            {
                ArrayPool<float>.Shared.Return(uppers);
            }

            ArrayPool<(float Score, int NegativeId)>.Shared.Return(heap);
        }
    }

    /// <summary>
    /// The <paramref name="count"/>-th largest lower bound (approximate minus bound) among rows not excluded:
    /// <paramref name="count"/> rows score at least this much, so a row whose upper bound is under it is not among the
    /// best. Negative infinity when fewer rows than that are left.
    /// </summary>
    private static float CountthLowerBound(
        ReadOnlySpan<float> lowers, int items, int count, ReadOnlySpan<int> excluded, Span<(float Score, int NegativeId)> heap)
    {
        var size = 0;
        var weakest = float.NegativeInfinity; // heap[0] once the heap is full
        for (var id = 1; id <= items; id++)
        {
            // Eight rows at a time while none of them beats the weakest kept: nearly all of the catalog.
            while (size == count && id + Vector256<float>.Count <= items + 1
                && Vector256.GreaterThanAny(Vector256.Create(lowers.Slice(id, Vector256<float>.Count)), Vector256.Create(weakest)) is false)
            {
                id += Vector256<float>.Count;
            }

            if (id > items)
            {
                break;
            }

            var lower = lowers[id];
            if (lower <= weakest)
            {
                continue;
            }

            if (excluded.BinarySearch(id) >= 0)
            {
                continue;
            }

            if (size < count)
            {
                heap[size] = (lower, 0);
                SiftUp(heap, size++);
            }
            else
            {
                heap[0] = (lower, 0);
                SiftDown(heap, size);
            }

            if (size == count)
            {
                weakest = heap[0].Score;
            }
        }

        return weakest;
    }

    private static void SiftUp(Span<(float Score, int NegativeId)> heap, int index)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (heap[index].CompareTo(heap[parent]) >= 0)
            {
                return;
            }

            (heap[index], heap[parent]) = (heap[parent], heap[index]);
            index = parent;
        }
    }

    /// <summary>Moves the root of a min-heap of <paramref name="size"/> down to its place.</summary>
    private static void SiftDown(Span<(float Score, int NegativeId)> heap, int size)
    {
        var index = 0;
        while (true)
        {
            var smallest = index;
            var left = 2 * index + 1;
            if (left < size && heap[left].CompareTo(heap[smallest]) < 0)
            {
                smallest = left;
            }

            if (left + 1 < size && heap[left + 1].CompareTo(heap[smallest]) < 0)
            {
                smallest = left + 1;
            }

            if (smallest == index)
            {
                return;
            }

            (heap[index], heap[smallest]) = (heap[smallest], heap[index]);
            index = smallest;
        }
    }

    /// <summary>Excluded ids held on the stack: 256 ids, 1 KB.</summary>
    private const int MaxStackExclusions = 256;

    /// <summary>
    /// The dot product of every item's row with <paramref name="vector"/>, into <paramref name="scores"/>[1..items]. Rows
    /// whose width is a whole number of hardware vectors (64 in the served model) are scored inline with the user's
    /// vector held in registers: one call of <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
    /// per row cost more in its dispatch than in its arithmetic (the top of a profile of the silo under recommendation
    /// load, 2026-12-07). Sums differ from it only in rounding order.
    /// </summary>
    internal static void ScoreAll(ReadOnlySpan<float> table, ReadOnlySpan<float> vector, int dim, int items, Span<float> scores)
    {
        var lanes = InlineLanes(dim);
        if (lanes > 0)
        {
            var rows = MemoryMarshal.Cast<float, Vector<float>>(table);
            var user = MemoryMarshal.Cast<float, Vector<float>>(vector);
            for (var id = 1; id <= items; id++)
            {
                scores[id] = Row(rows, user, lanes, id);
            }

            return;
        }

        for (var id = 1; id <= items; id++)
        {
            scores[id] = TensorPrimitives.Dot(table.Slice(id * dim, dim), vector);
        }
    }

    /// <summary>Hardware vectors a row of <paramref name="dim"/> is scored in inline, or 0 when it is not (see <see cref="ScoreAll"/>).</summary>
    private static int InlineLanes(int dim) =>
        Vector.IsHardwareAccelerated && dim % Vector<float>.Count == 0 && dim / Vector<float>.Count <= MaxInlineLanes ? dim / Vector<float>.Count : 0;

    /// <summary>Row <paramref name="id"/>'s dot product with <paramref name="vector"/>, <paramref name="lanes"/> hardware vectors wide: the one arithmetic both passes share, so they agree to the bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Row(ReadOnlySpan<Vector<float>> rows, ReadOnlySpan<Vector<float>> user, int lanes, int id)
    {
        var row = rows.Slice(id * lanes, lanes);
        var sum = row[0] * user[0];
        for (var lane = 1; lane < lanes; lane++)
        {
            sum += row[lane] * user[lane];
        }

        return Vector.Sum(sum);
    }

    /// <summary>The widest row scored inline: 16 hardware vectors (128 floats on AVX2).</summary>
    private const int MaxInlineLanes = 16;

    /// <summary>Scores <paramref name="skus"/>, best first; SKUs the model does not know are left out.</summary>
    public static ImmutableArray<ScoredSku> Score(SequenceModel model, ReadOnlySpan<float> vector, IReadOnlyList<string> skus)
    {
        CheckDimension(model, vector);
        var scored = new List<ScoredSku>(skus.Count);
        foreach (var sku in skus)
        {
            if (model.IdOf(sku) is var id and > 0)
            {
                scored.Add(new ScoredSku(sku, TensorPrimitives.Dot(model.ItemTable.AsSpan(id * model.Dim, model.Dim), vector)));
            }
        }

        return [.. scored.OrderByDescending(s => s.Score)];
    }

    private static void CheckDimension(SequenceModel model, ReadOnlySpan<float> vector)
    {
        if (vector.Length != model.Dim)
        {
            throw new ArgumentException(
                $"The vector has {vector.Length} values but version {model.Version} of the sequence model embeds in {model.Dim}.", nameof(vector));
        }
    }
}
