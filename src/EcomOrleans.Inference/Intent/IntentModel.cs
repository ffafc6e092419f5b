using System.Text.Json;
using System.Text.Json.Nodes;
using EcomOrleans.Inference.Models;
using EcomOrleans.Models;
using EcomOrleans.Models.Intent;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace EcomOrleans.Inference.Intent;

/// <summary>
/// The intent classifier, in one of two shapes: right-padded WordPiece ids and attention mask [batch, length] to
/// logits [batch, labels] (a classifier with its own vocabulary), or a head over a sentence encoder: the pooled,
/// unit-length all-MiniLM-L6-v2 embedding [batch, 384] to logits, with the encoder loaded from the package the
/// manifest's <c>details.encoder</c> names (<see cref="SentenceEncoderContract"/>).
/// </summary>
public sealed class IntentModel : LoadedModel
{
    /// <summary>The registry's plug-in for <c>intent</c> manifests.</summary>
    public static readonly IModelKind Kind = new ModelKind<IntentModel>(ModelKinds.Intent, Load);

    private IntentModel(
        ModelManifest manifest, string directory, InferenceSession session, BertTokenizer tokenizer, string[] labels, string[] categories,
        InferenceSession? encoder = null, string? encoderLayerOutput = null, MessageNormalizer? normalizer = null)
        : base(manifest, directory, session)
    {
        Tokenizer = tokenizer;
        Normalizer = normalizer;
        Labels = labels;
        Categories = categories;
        Encoder = encoder;
        EncoderLayerOutput = encoderLayerOutput;
        MaxLength = encoder is null ? manifest.MaxLength ?? IntentContract.DefaultMaxLength : SentenceEncoderContract.MaxTokens;
        LogitsName = manifest.Outputs[0].Name;
        FallbackThreshold = manifest.Metrics[FallbackThresholdMetric] is { } threshold ? (float)threshold.GetValue<double>() : DefaultFallbackThreshold;
        if (manifest.Outputs.Any(o => o.Name == IntentContract.InScope))
        {
            InScopeName = IntentContract.InScope;
            InScopeThreshold = (float)manifest.Metrics[IntentContract.InScopeThresholdMetric]!.GetValue<double>();
        }
    }

    /// <summary>Rasa's default, for a model whose training chose no threshold.</summary>
    public const float DefaultFallbackThreshold = 0.3f;

    /// <summary>The manifest metric holding the threshold the training chose.</summary>
    public const string FallbackThresholdMetric = "fallbackThreshold";

    /// <summary>The top probability under which an answer should not be trusted.</summary>
    public float FallbackThreshold { get; }

    /// <summary>The head's in-scope output (<see cref="IntentContract.InScope"/>), or null when it has none.</summary>
    public string? InScopeName { get; }

    /// <summary>The in-scope score under which a message is out of scope; null without the output.</summary>
    public float? InScopeThreshold { get; }

    /// <summary>The sentence encoder in front of the head; null for a classifier that takes token ids itself.</summary>
    public InferenceSession? Encoder { get; }

    /// <summary>
    /// For a head that carries the encoder's top layers (inputs <c>hidden</c> and <c>attention_mask</c>): the encoder
    /// tensor it reads, the output of the layer the manifest's <c>details.encoder.inputLayer</c> names. Null for a head
    /// over the pooled embedding.
    /// </summary>
    public string? EncoderLayerOutput { get; }

    /// <summary>
    /// What rewrites a message's shorthand and misspellings before it is classified, when the model was trained so (its
    /// manifest lists a <see cref="ModelFileRoles.Spelling"/> file); null otherwise. Not applied to the catalog and search
    /// texts the same encoder embeds: a brand name is not a misspelling.
    /// </summary>
    public MessageNormalizer? Normalizer { get; }

    /// <summary>Lower-casing BERT WordPiece over the model's vocab.txt; adds [CLS] and [SEP].</summary>
    public BertTokenizer Tokenizer { get; }

    /// <summary>The intent of each logit.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The category of each label (empty when unknown).</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Most tokens per message, [CLS] and [SEP] included.</summary>
    public int MaxLength { get; }

    public string LogitsName { get; }

    /// <summary>Token ids of <paramref name="text"/>: [CLS] pieces [SEP], cut to <see cref="MaxLength"/> with [SEP] kept last.</summary>
    public int[] Encode(string text) => IntentEncoding.Truncate(Tokenizer.EncodeToIds(text), MaxLength);

    protected override void DisposeOwned() => Encoder?.Dispose();

    internal static IntentModel Load(ModelManifest manifest, string directory, InferenceSession session)
    {
        var names = manifest.Inputs.Select(i => i.Name).Order(StringComparer.Ordinal).ToArray();
        var logits = manifest.Outputs.Count == 1 && manifest.Outputs[0] is { ElementType: TensorElementTypes.Float32, Shape.Count: 2 } o && o.Dimension(1) > 0 ? o : null;
        if (names is [SentenceEncoderContract.Embedding] && manifest.Outputs is [{ ElementType: TensorElementTypes.Float32, Shape.Count: 2 } first, { Name: IntentContract.InScope } inScope]
            && first.Dimension(1) > 0)
        {
            if (inScope is not { ElementType: TensorElementTypes.Float32, Shape.Count: 1 } || manifest.Metrics[IntentContract.InScopeThresholdMetric] is not JsonValue value
                || !value.TryGetValue<double>(out _))
            {
                throw new ModelLoadException(
                    $"Model '{manifest.Name}': output '{IntentContract.InScope}' must be float32 [batch] with a number in metrics.{IntentContract.InScopeThresholdMetric}.");
            }

            return LoadHead(manifest, directory, session, first, inputLayer: null);
        }

        if (names is [SentenceEncoderContract.Embedding] && logits is not null)
        {
            return LoadHead(manifest, directory, session, logits, inputLayer: null);
        }

        if (names.SequenceEqual([SentenceEncoderContract.AttentionMask, SentenceEncoderContract.Hidden]) && logits is not null)
        {
            return LoadHead(manifest, directory, session, logits, InputLayer(manifest));
        }
        if (!names.SequenceEqual([IntentContract.AttentionMask, IntentContract.InputIds]) || manifest.Inputs.Any(i => i.ElementType != TensorElementTypes.Int64) || logits is null)
        {
            throw new ModelLoadException(
                $"Model '{manifest.Name}': an intent model needs int64 inputs '{IntentContract.InputIds}' and '{IntentContract.AttentionMask}' and one float32 output [batch, labels] with a fixed label count.");
        }

        var vocabularyPath = manifest.PathOf(directory, ModelFileRoles.Vocabulary);
        BertTokenizer tokenizer;
        try
        {
            tokenizer = BertTokenizer.Create(vocabularyPath, new BertOptions { LowerCaseBeforeTokenization = IntentContract.LowerCaseBeforeTokenization });
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or InvalidOperationException)
        {
            throw new ModelLoadException($"Model file '{vocabularyPath}' is not a WordPiece vocabulary: {exception.Message}", exception);
        }

        var labelsPath = manifest.PathOf(directory, ModelFileRoles.Labels);
        var labels = ReadLabels(labelsPath);
        if (labels.Length != logits.Dimension(1))
        {
            throw new ModelLoadException($"Model file '{labelsPath}' has {labels.Length} labels but output '{logits.Name}' has {logits.Dimension(1)} logits.");
        }

        var categories = labels.Select(l => IntentCategories.Of(manifest, l)).ToArray();
        return new IntentModel(manifest, directory, session, tokenizer, labels, categories);
    }

    /// <summary>
    /// The encoder layer a head with inputs <c>hidden</c> and <c>attention_mask</c> reads: the manifest must name one
    /// below the encoder's top, and the inputs must be float32 [batch, sequence, 384] and int64 [batch, sequence].
    /// </summary>
    private static int InputLayer(ModelManifest manifest)
    {
        var hidden = manifest.Inputs.Single(i => i.Name == SentenceEncoderContract.Hidden);
        var mask = manifest.Inputs.Single(i => i.Name == SentenceEncoderContract.AttentionMask);
        if (hidden is not { ElementType: TensorElementTypes.Float32, Shape.Count: 3 } || hidden.Dimension(2) != SentenceEncoderContract.Dimension
            || mask is not { ElementType: TensorElementTypes.Int64, Shape.Count: 2 })
        {
            throw new ModelLoadException(
                $"Model '{manifest.Name}': a head over an encoder layer needs float32 '{SentenceEncoderContract.Hidden}' [batch, sequence, {SentenceEncoderContract.Dimension}] and int64 '{SentenceEncoderContract.AttentionMask}' [batch, sequence].");
        }

        var node = manifest.Details[SentenceEncoderContract.EncoderDetail]?[SentenceEncoderContract.InputLayerDetail];
        var key = $"details.{SentenceEncoderContract.EncoderDetail}.{SentenceEncoderContract.InputLayerDetail}";
        if (node is null)
        {
            throw new ModelLoadException($"Model '{manifest.Name}' takes '{SentenceEncoderContract.Hidden}' but its manifest names no encoder layer ({key}).");
        }

        if (node is not JsonValue value || !value.TryGetValue<int>(out var layer) || layer is < 0 or >= SentenceEncoderContract.Layers - 1)
        {
            throw new ModelLoadException(
                $"Model '{manifest.Name}': {key} must be a layer from 0 to {SentenceEncoderContract.Layers - 2} (the head carries the layers above it); it is {node.ToJsonString()}.");
        }

        return layer;
    }

    /// <summary>
    /// A head over the sentence encoder: the encoder from its package, checked against the manifest's SHA-256; for a
    /// head that reads encoder layer <paramref name="inputLayer"/>, the encoder answers that layer's output too.
    /// </summary>
    private static IntentModel LoadHead(ModelManifest manifest, string directory, InferenceSession session, TensorSpec logits, int? inputLayer)
    {
        var encoder = manifest.Details[SentenceEncoderContract.EncoderDetail];
        var expected = encoder?["sha256"]?.GetValue<string>();
        if (encoder?["package"]?.GetValue<string>() != SentenceEncoderContract.Package || expected is null)
        {
            throw new ModelLoadException(
                $"Model '{manifest.Name}' takes '{(inputLayer is null ? SentenceEncoderContract.Embedding : SentenceEncoderContract.Hidden)}' but its manifest names no {SentenceEncoderContract.Package} encoder (details.{SentenceEncoderContract.EncoderDetail} with package and sha256).");
        }

        var assembly = System.Reflection.Assembly.Load(SentenceEncoderContract.Package);
        byte[] model;
        using (var resource = assembly.GetManifestResourceStream(SentenceEncoderContract.ModelResource)
            ?? throw new ModelLoadException($"Package {SentenceEncoderContract.Package} has no resource {SentenceEncoderContract.ModelResource}."))
        using (var copy = new MemoryStream())
        {
            resource.CopyTo(copy);
            model = copy.ToArray();
        }

        var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(model));
        if (!string.Equals(actual, expected, StringComparison.Ordinal))
        {
            throw new ModelLoadException(
                $"Model '{manifest.Name}' was trained on the encoder with SHA-256 {expected}; {SentenceEncoderContract.Package} carries {actual}. Retrain the head or restore the package version {encoder!["packageVersion"]}.");
        }

        using var vocabulary = new MemoryStream();
        using (var resource = assembly.GetManifestResourceStream(SentenceEncoderContract.VocabularyResource)
            ?? throw new ModelLoadException($"Package {SentenceEncoderContract.Package} has no resource {SentenceEncoderContract.VocabularyResource}."))
        {
            resource.CopyTo(vocabulary);
        }

        vocabulary.Position = 0;
        var tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true });
        var labelsPath = manifest.PathOf(directory, ModelFileRoles.Labels);
        var labels = ReadLabels(labelsPath);
        if (labels.Length != logits.Dimension(1))
        {
            throw new ModelLoadException($"Model file '{labelsPath}' has {labels.Length} labels but output '{logits.Name}' has {logits.Dimension(1)} logits.");
        }

        // NOTE: the encoder runs on the CPU even where the head's session has the CUDA provider; it is small (22M
        // parameters), and a message is a few dozen tokens. One thread a run, no spinning, as the engine's own sessions
        // by default: ONNX Runtime's default (a thread per core, spinning) let the catalog search index's background
        // embedding take both cores from the storefront.
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        string? layerOutput = null;
        if (inputLayer is { } layer)
        {
            try
            {
                layerOutput = EncoderGraph.LayerOutput(model, layer);
                model = EncoderGraph.WithOutput(model, layerOutput, SentenceEncoderContract.Dimension);
            }
            catch (ModelContractException exception)
            {
                throw new ModelLoadException($"Model '{manifest.Name}' reads encoder layer {layer}: {exception.Message}", exception);
            }
        }

        MessageNormalizer? normalizer;
        try
        {
            normalizer = MessageNormalizer.ForModel(manifest, directory, () => MessageNormalizer.ReadVocabulary(vocabulary.ToArray()));
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new ModelLoadException($"Model file '{manifest.PathOf(directory, ModelFileRoles.Spelling)}' could not be read as a spelling file: {exception.Message}", exception);
        }

        var encoderSession = new InferenceSession(model, options);
        return new IntentModel(manifest, directory, session, tokenizer, labels, [.. labels.Select(l => IntentCategories.Of(manifest, l))], encoderSession, layerOutput, normalizer);
    }

    private static string[] ReadLabels(string path)
    {
        try
        {
            return IntentLabels.Read(path);
        }
        catch (Exception exception) when (exception is IOException or JsonException)
        {
            throw new ModelLoadException($"Model file '{path}' is not a JSON array of intent names: {exception.Message}", exception);
        }
    }
}
