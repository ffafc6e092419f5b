using System.Buffers;
using System.Collections.Immutable;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

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

        // Every item's score in one pass, then a min-heap of the best so far: its root is the weakest kept item,
        // replaced by any better one. Exclusions are looked up only for an item good enough to enter the heap. Both
        // arrays are pooled: only the answer is allocated.
        count = Math.Min(count, model.ItemCount);
        var scores = ArrayPool<float>.Shared.Rent(model.ItemCount + 1);
        var heap = ArrayPool<(float Score, int NegativeId)>.Shared.Rent(count);
        try
        {
            ScoreAll(model.ItemTable, vector, model.Dim, model.ItemCount, scores);
            var size = 0;
            for (var id = 1; id <= model.ItemCount; id++)
            {
                var key = (scores[id], -id);
                if (size == count && key.CompareTo(heap[0]) <= 0)
                {
                    continue;
                }

                if (excluded.BinarySearch(id) >= 0)
                {
                    continue;
                }

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
            var top = new ScoredSku[size];
            for (var i = 0; i < size; i++)
            {
                top[i] = new ScoredSku(model.Skus[-best[i].NegativeId], best[i].Score);
            }

            return ImmutableCollectionsMarshal.AsImmutableArray(top);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<(float Score, int NegativeId)>.Shared.Return(heap);
        }
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
        var width = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated && dim % width == 0 && dim / width <= MaxInlineLanes)
        {
            var lanes = dim / width;
            Span<Vector<float>> user = stackalloc Vector<float>[lanes];
            MemoryMarshal.Cast<float, Vector<float>>(vector[..dim]).CopyTo(user);
            var rows = MemoryMarshal.Cast<float, Vector<float>>(table);
            for (var id = 1; id <= items; id++)
            {
                var row = rows.Slice(id * lanes, lanes);
                var sum = row[0] * user[0];
                for (var lane = 1; lane < lanes; lane++)
                {
                    sum += row[lane] * user[lane];
                }

                scores[id] = Vector.Sum(sum);
            }

            return;
        }

        for (var id = 1; id <= items; id++)
        {
            scores[id] = TensorPrimitives.Dot(table.Slice(id * dim, dim), vector);
        }
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
