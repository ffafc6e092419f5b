using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace EcomOrleans.Inference.Sequence;

/// <summary>Scores catalog items by the dot product of their embedding with a user vector (SIMD), keeping the best in a bounded heap.</summary>
public static class CatalogScorer
{
    /// <summary>The <paramref name="count"/> best-scoring items, best first (ties: lower item id first), leaving out <paramref name="exclude"/>.</summary>
    public static IReadOnlyList<ScoredSku> Top(SequenceModel model, ReadOnlySpan<float> vector, int count, IReadOnlyList<string> exclude)
    {
        CheckDimension(model, vector);
        if (count <= 0)
        {
            return [];
        }

        var excluded = new HashSet<int>(exclude.Count);
        foreach (var sku in exclude)
        {
            excluded.Add(model.IdOf(sku));
        }

        // Every item's score in one pass, then a min-heap of the best so far: its root is the weakest kept item,
        // replaced by any better one. Exclusions are looked up only for an item good enough to enter the heap.
        count = Math.Min(count, model.ItemCount);
        var scores = ArrayPool<float>.Shared.Rent(model.ItemCount + 1);
        var best = new PriorityQueue<int, (float Score, int NegativeId)>(count + 1);
        try
        {
            ScoreAll(model.ItemTable, vector, model.Dim, model.ItemCount, scores);
            (float Score, int NegativeId) weakest = default;
            for (var id = 1; id <= model.ItemCount; id++)
            {
                var key = (scores[id], -id);
                if (best.Count == count && key.CompareTo(weakest) <= 0)
                {
                    continue;
                }

                if (excluded.Contains(id))
                {
                    continue;
                }

                if (best.Count < count)
                {
                    best.Enqueue(id, key);
                }
                else
                {
                    best.EnqueueDequeue(id, key);
                }

                if (best.Count == count)
                {
                    best.TryPeek(out _, out weakest);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }

        var top = new ScoredSku[best.Count];
        for (var i = top.Length - 1; i >= 0; i--)
        {
            best.TryDequeue(out var id, out var key);
            top[i] = new ScoredSku(model.Skus[id], key.Score);
        }

        return top;
    }

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
    public static IReadOnlyList<ScoredSku> Score(SequenceModel model, ReadOnlySpan<float> vector, IReadOnlyList<string> skus)
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
