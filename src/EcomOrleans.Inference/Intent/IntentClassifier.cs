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

    /// <summary>
    /// Classifies a batch in one run: right-padded ids and mask to the longest message (through the sentence encoder
    /// and its pooling first, when the model is a head over one), softmax per row.
    /// </summary>
    public static IntentPrediction[] Classify(IntentModel model, IReadOnlyList<string> messages)
    {
        if (model.Normalizer is { } normalizer)
        {
            messages = [.. messages.Select(normalizer.Normalize)];
        }

        if (model.Encoder is { } encoder)
        {
            return ClassifyOverEncoder(model, encoder, messages);
        }

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
            for (var row = 0; row < rows; row++)
            {
                results[row] = Prediction(model, logits.AsSpan(row * labels, labels));
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

    private static IntentPrediction[] ClassifyOverEncoder(IntentModel model, InferenceSession encoder, IReadOnlyList<string> messages)
    {
        if (model.EncoderLayerOutput is { } layerOutput)
        {
            return ClassifyOverEncoderLayer(model, encoder, layerOutput, messages);
        }

        const int dimension = SentenceEncoderContract.Dimension;
        var rows = messages.Count;
        var labels = model.Labels.Count;
        var embeddings = Embed(model, encoder, messages);
        var logits = new float[rows * labels];
        var inScope = model.InScopeName is null ? null : new float[rows];
        using (var embeddingValue = OrtValue.CreateTensorValueFromMemory(embeddings, [rows, dimension]))
        using (var logitsValue = OrtValue.CreateTensorValueFromMemory(logits, [rows, labels]))
        using (var inScopeValue = inScope is null ? null : OrtValue.CreateTensorValueFromMemory(inScope, [rows]))
        {
            // The in-scope score, when the head answers one, comes from the same run.
            string[] outputs = inScopeValue is null ? [model.LogitsName] : [model.LogitsName, model.InScopeName!];
            OrtValue[] values = inScopeValue is null ? [logitsValue] : [logitsValue, inScopeValue];
            model.Session.Run(model.RunOptions, [SentenceEncoderContract.Embedding], [embeddingValue], outputs, values);
        }

        return [.. Enumerable.Range(0, rows).Select(row => Prediction(model, logits.AsSpan(row * labels, labels), inScope?[row]))];
    }

    /// <summary>
    /// A head that carries the encoder's top layers: the encoder's output of a lower layer, right-padded, and the same
    /// attention mask go to the head, which runs those layers, pools and classifies.
    /// </summary>
    private static IntentPrediction[] ClassifyOverEncoderLayer(IntentModel model, InferenceSession encoder, string layerOutput, IReadOnlyList<string> messages)
    {
        var rows = messages.Count;
        var labels = model.Labels.Count;
        var logits = new float[rows * labels];
        RunEncoder(model, encoder, messages, layerOutput, (hidden, mask, _, _) =>
        {
            using var logitsValue = OrtValue.CreateTensorValueFromMemory(logits, [rows, labels]);
            model.Session.Run(model.RunOptions, [SentenceEncoderContract.Hidden, SentenceEncoderContract.AttentionMask], [hidden, mask], [model.LogitsName], [logitsValue]);
        });
        return [.. Enumerable.Range(0, rows).Select(row => Prediction(model, logits.AsSpan(row * labels, labels)))];
    }

    /// <summary>
    /// The pooled, unit-length sentence embeddings of <paramref name="messages"/>, row after row
    /// (<see cref="SentenceEncoderContract.Dimension"/> floats each), through the model's encoder.
    /// </summary>
    public static float[] Embed(IntentModel model, InferenceSession encoder, IReadOnlyList<string> messages)
    {
        const int dimension = SentenceEncoderContract.Dimension;
        var embeddings = new float[messages.Count * dimension];
        RunEncoder(model, encoder, messages, SentenceEncoderContract.HiddenState, (hidden, _, encoded, length) =>
        {
            var state = hidden.GetTensorDataAsSpan<float>();
            for (var row = 0; row < encoded.Length; row++)
            {
                SentenceEncoderContract.MeanPool(state.Slice(row * length * dimension, length * dimension), encoded[row].Length, embeddings.AsSpan(row * dimension, dimension));
            }
        });
        return embeddings;
    }

    /// <summary>
    /// Runs the encoder on <paramref name="messages"/>, right-padded to the longest, and hands <paramref name="read"/>
    /// the output <paramref name="output"/> [rows, length, 384], the attention mask, the token ids and the length.
    /// </summary>
    private static void RunEncoder(
        IntentModel model, InferenceSession encoder, IReadOnlyList<string> messages, string output, Action<OrtValue, OrtValue, int[][], int> read)
    {
        var encoded = messages.Select(model.Encode).ToArray();
        var rows = encoded.Length;
        var length = encoded.Max(e => e.Length);
        var ids = new long[rows * length];
        var mask = new long[rows * length];
        IntentEncoding.RightPad(encoded, length, ids, mask);
        long[] shape = [rows, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[rows * length], shape);
        using var outputs = encoder.Run(
            model.RunOptions,
            [SentenceEncoderContract.InputIds, SentenceEncoderContract.AttentionMask, SentenceEncoderContract.TokenTypeIds],
            [idsValue, maskValue, typesValue],
            [output]);
        read(outputs[0], maskValue, encoded, length);
    }

    private static IntentPrediction Prediction(IntentModel model, ReadOnlySpan<float> logits, float? inScope = null)
    {
        var probabilities = new float[logits.Length];
        TensorPrimitives.SoftMax(logits, probabilities);
        var scores = new IntentScore[logits.Length];
        for (var c = 0; c < logits.Length; c++)
        {
            scores[c] = new IntentScore(model.Labels[c], model.Categories[c], probabilities[c]);
        }

        return new IntentPrediction([.. scores.OrderByDescending(s => s.Probability)], model.Version, model.FallbackThreshold, inScope, inScope is null ? null : model.InScopeThreshold);
    }

    private IntentPrediction[] RunBatch(IReadOnlyList<string> batch)
    {
        using var lease = _registry.Acquire<IntentModel>(ModelKinds.Intent);
        return Classify(lease.Model, batch);
    }
}
