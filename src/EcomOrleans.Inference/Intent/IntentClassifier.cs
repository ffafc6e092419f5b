using System.Buffers;
using System.Numerics.Tensors;
using EcomOrleans.Inference.Batching;
using EcomOrleans.Inference.Models;
using EcomOrleans.Models;
using EcomOrleans.Models.Intent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace EcomOrleans.Inference.Intent;

/// <summary>Classifies customer messages into intents through the intent model's batcher.</summary>
public sealed class IntentClassifier : IDisposable
{
    private readonly ModelRegistry _registry;
    private readonly DynamicBatcher<string, IntentPrediction> _batcher;

    public IntentClassifier(ModelRegistry registry, IOptions<InferenceOptions> options, TimeProvider time, ILogger<IntentClassifier> logger)
    {
        _registry = registry;
        _batcher = new(ModelKinds.Intent, options.Value.Intent, RunBatch, time, logger);
    }

    /// <summary>The intent distribution of <paramref name="message"/>, most likely first.</summary>
    public Task<IntentPrediction> ClassifyAsync(string message, InferencePriority priority)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_registry.IsLoaded(ModelKinds.Intent))
        {
            throw ModelNotLoadedException.For(ModelKinds.Intent);
        }

        return _batcher.SubmitAsync(message, priority);
    }

    public void Dispose() => _batcher.Dispose();

    /// <summary>Classifies a batch in one run: right-padded ids and mask to the longest message, softmax per row.</summary>
    public static IntentPrediction[] Classify(IntentModel model, IReadOnlyList<string> messages)
    {
        var encoded = messages.Select(model.Encode).ToArray();
        var rows = encoded.Length;
        var length = encoded.Max(e => e.Length);
        var labels = model.Labels.Count;
        var ids = ArrayPool<long>.Shared.Rent(rows * length);
        var mask = ArrayPool<long>.Shared.Rent(rows * length);
        var logits = ArrayPool<float>.Shared.Rent(rows * labels);
        try
        {
            IntentEncoding.RightPad(encoded, length, ids, mask);

            long[] shape = [rows, length];
            using var idsValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, ids.AsMemory(0, rows * length), shape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, mask.AsMemory(0, rows * length), shape);
            using var logitsValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, logits.AsMemory(0, rows * labels), [rows, labels]);
            model.Session.Run(model.RunOptions, [IntentContract.InputIds, IntentContract.AttentionMask], [idsValue, maskValue], [model.LogitsName], [logitsValue]);

            var results = new IntentPrediction[rows];
            var probabilities = new float[labels];
            for (var row = 0; row < rows; row++)
            {
                TensorPrimitives.SoftMax(logits.AsSpan(row * labels, labels), probabilities);
                var scores = new IntentScore[labels];
                for (var c = 0; c < labels; c++)
                {
                    scores[c] = new IntentScore(model.Labels[c], model.Categories[c], probabilities[c]);
                }

                results[row] = new IntentPrediction([.. scores.OrderByDescending(s => s.Probability)], model.Version);
            }

            return results;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<long>.Shared.Return(mask);
            ArrayPool<float>.Shared.Return(logits);
        }
    }

    private IntentPrediction[] RunBatch(IReadOnlyList<string> batch)
    {
        using var lease = _registry.Acquire<IntentModel>(ModelKinds.Intent);
        return Classify(lease.Model, batch);
    }
}
