using System.Buffers;
using EcomOrleans.Inference.Batching;
using EcomOrleans.Inference.Models;
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
    /// Encodes a batch in one run of <paramref name="model"/>'s shared session: known SKUs' ids, the last
    /// MaxLength of them, left-padded with 0 to the longest in the batch (or the model's fixed length).
    /// Rows that know no SKU get a zero vector and no run.
    /// </summary>
    public static SequenceEmbedding[] Encode(SequenceModel model, IReadOnlyList<IReadOnlyList<string>> batch)
    {
        var ids = new List<int>[batch.Count];
        var known = new int[batch.Count];
        var rows = 0;
        var length = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            ids[i] = KnownIds(model, batch[i]);
            known[i] = ids[i].Count;
            if (ids[i].Count > model.MaxLength)
            {
                ids[i].RemoveRange(0, ids[i].Count - model.MaxLength);
            }

            rows += ids[i].Count > 0 ? 1 : 0;
            length = Math.Max(length, ids[i].Count);
        }

        length = model.FixedLength > 0 ? (int)model.FixedLength : length;
        var dim = model.Dim;
        var results = new SequenceEmbedding[batch.Count];
        var input = ArrayPool<long>.Shared.Rent(Math.Max(1, rows * length));
        var output = ArrayPool<float>.Shared.Rent(Math.Max(1, rows * dim));
        try
        {
            if (rows > 0)
            {
                Array.Clear(input, 0, rows * length);
                var row = 0;
                foreach (var sequence in ids.Where(s => s.Count > 0))
                {
                    var start = (row * length) + length - sequence.Count;
                    for (var t = 0; t < sequence.Count; t++)
                    {
                        input[start + t] = sequence[t];
                    }

                    row++;
                }

                // ORT reads the pooled input and writes the embeddings straight into the pooled output.
                using var inputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input.AsMemory(0, rows * length), [rows, length]);
                using var outputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, output.AsMemory(0, rows * dim), [rows, dim]);
                model.Session.Run(model.RunOptions, [model.InputName], [inputValue], [model.OutputName], [outputValue]);
            }

            var next = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                var vector = known[i] == 0 ? new float[dim] : output.AsSpan(next++ * dim, dim).ToArray();
                results[i] = new SequenceEmbedding(vector, model.Version, known[i]);
            }

            return results;
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
