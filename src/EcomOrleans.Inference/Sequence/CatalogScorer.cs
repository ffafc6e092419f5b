using System.Numerics.Tensors;

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

        // A min-heap of the best so far: its root is the weakest kept item, replaced by any better one.
        count = Math.Min(count, model.ItemCount);
        var best = new PriorityQueue<int, (float Score, int NegativeId)>(count + 1);
        var table = model.ItemTable.AsSpan();
        var dim = model.Dim;
        for (var id = 1; id <= model.ItemCount; id++)
        {
            if (excluded.Contains(id))
            {
                continue;
            }

            var key = (TensorPrimitives.Dot(table.Slice(id * dim, dim), vector), -id);
            if (best.Count < count)
            {
                best.Enqueue(id, key);
            }
            else if (best.TryPeek(out _, out var weakest) && key.CompareTo(weakest) > 0)
            {
                best.EnqueueDequeue(id, key);
            }
        }

        var top = new ScoredSku[best.Count];
        for (var i = top.Length - 1; i >= 0; i--)
        {
            best.TryDequeue(out var id, out var key);
            top[i] = new ScoredSku(model.Skus[id], key.Score);
        }

        return top;
    }

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
