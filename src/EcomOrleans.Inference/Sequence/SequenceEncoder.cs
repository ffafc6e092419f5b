using System.Buffers;
using EcomOrleans.Inference.Batching;
using EcomOrleans.Inference.Models;
using EcomOrleans.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace EcomOrleans.Inference.Sequence;

/// <summary>Encodes behaviour sequences into user embeddings through the sequence model's batcher.</summary>
public sealed class SequenceEncoder : IDisposable
{
    private readonly ModelRegistry _registry;
    private readonly DynamicBatcher<IReadOnlyList<string>, SequenceEmbedding> _batcher;

    public SequenceEncoder(ModelRegistry registry, IOptions<InferenceOptions> options, TimeProvider time, ILogger<SequenceEncoder> logger)
    {
        _registry = registry;
        _batcher = new(ModelKinds.Sequence, options.Value.Sequence, RunBatch, time, logger);
    }

    /// <summary>
    /// The user embedding of <paramref name="skus"/> (oldest first). When the model knows none of them
    /// (a cold start) the answer is a zero vector with <see cref="SequenceEmbedding.KnownItems"/> 0, without a model run.
    /// </summary>
    public Task<SequenceEmbedding> EmbedAsync(IReadOnlyList<string> skus, InferencePriority priority)
    {
        ArgumentNullException.ThrowIfNull(skus);
        using (var lease = _registry.Acquire<SequenceModel>(ModelKinds.Sequence))
        {
            if (!skus.Any(s => lease.Model.IdOf(s) > 0))
            {
                return Task.FromResult(new SequenceEmbedding(new float[lease.Model.Dim], lease.Model.Version, 0));
            }
        }

        return _batcher.SubmitAsync(skus, priority);
    }

    public void Dispose() => _batcher.Dispose();

    /// <summary>
    /// Encodes a batch on <paramref name="model"/>'s shared session: known SKUs' ids, the last MaxLength
    /// of them, left-padded with 0. Rows are grouped by length (longest first; a row joins a group while
    /// it is at least half as long as the group's longest) and each group is one run padded to its
    /// longest, so short histories do not pay for a long one. A model with a fixed input length gets one
    /// run. Rows that know no SKU get a zero vector and no run.
    /// </summary>
    public static SequenceEmbedding[] Encode(SequenceModel model, IReadOnlyList<IReadOnlyList<string>> batch)
    {
        var ids = new List<int>[batch.Count];
        var known = new int[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            ids[i] = KnownIds(model, batch[i]);
            known[i] = ids[i].Count;
            if (ids[i].Count > model.MaxLength)
            {
                ids[i].RemoveRange(0, ids[i].Count - model.MaxLength);
            }
        }

        var vectors = new float[batch.Count][];
        var order = Enumerable.Range(0, batch.Count).Where(i => ids[i].Count > 0).OrderByDescending(i => ids[i].Count).ToArray();
        for (var first = 0; first < order.Length;)
        {
            var longest = ids[order[first]].Count;
            var end = first + 1;
            while (end < order.Length && (model.FixedLength > 0 || ids[order[end]].Count * 2 >= longest))
            {
                end++;
            }

            Run(model, ids, order.AsSpan(first, end - first), model.FixedLength > 0 ? (int)model.FixedLength : longest, vectors);
            first = end;
        }

        var results = new SequenceEmbedding[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            results[i] = new SequenceEmbedding(vectors[i] ?? new float[model.Dim], model.Version, known[i]);
        }

        return results;
    }

    /// <summary>One run over the rows <paramref name="group"/> of <paramref name="ids"/>, left-padded to <paramref name="length"/>.</summary>
    private static void Run(SequenceModel model, List<int>[] ids, ReadOnlySpan<int> group, int length, float[][] vectors)
    {
        var (rows, dim) = (group.Length, model.Dim);
        var input = ArrayPool<long>.Shared.Rent(rows * length);
        var output = ArrayPool<float>.Shared.Rent(rows * dim);
        try
        {
            Array.Clear(input, 0, rows * length);
            for (var row = 0; row < rows; row++)
            {
                var sequence = ids[group[row]];
                var start = (row * length) + length - sequence.Count;
                for (var t = 0; t < sequence.Count; t++)
                {
                    input[start + t] = sequence[t];
                }
            }

            // ORT reads the pooled input and writes the embeddings straight into the pooled output.
            using (var inputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input.AsMemory(0, rows * length), [rows, length]))
            using (var outputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, output.AsMemory(0, rows * dim), [rows, dim]))
            {
                model.Session.Run(model.RunOptions, [model.InputName], [inputValue], [model.OutputName], [outputValue]);
            }

            for (var row = 0; row < rows; row++)
            {
                vectors[group[row]] = output.AsSpan(row * dim, dim).ToArray();
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(input);
            ArrayPool<float>.Shared.Return(output);
        }
    }

    private static List<int> KnownIds(SequenceModel model, IReadOnlyList<string> skus)
    {
        var ids = new List<int>(Math.Min(skus.Count, model.MaxLength * 2));
        foreach (var sku in skus)
        {
            if (model.IdOf(sku) is var id and > 0)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private SequenceEmbedding[] RunBatch(IReadOnlyList<IReadOnlyList<string>> batch)
    {
        using var lease = _registry.Acquire<SequenceModel>(ModelKinds.Sequence);
        return Encode(lease.Model, batch);
    }
}
