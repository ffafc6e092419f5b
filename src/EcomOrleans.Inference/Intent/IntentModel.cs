using System.Text.Json;
using EcomOrleans.Inference.Models;
using EcomOrleans.Models;
using EcomOrleans.Models.Intent;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace EcomOrleans.Inference.Intent;

/// <summary>
/// The intent classifier: right-padded WordPiece ids and attention mask [batch, length] to logits
/// [batch, labels], with the vocabulary and the label of each logit.
/// </summary>
public sealed class IntentModel : LoadedModel
{
    /// <summary>The registry's plug-in for <c>intent</c> manifests.</summary>
    public static readonly IModelKind Kind = new ModelKind<IntentModel>(ModelKinds.Intent, Load);

    private IntentModel(ModelManifest manifest, string directory, InferenceSession session, BertTokenizer tokenizer, string[] labels, string[] categories)
        : base(manifest, directory, session)
    {
        Tokenizer = tokenizer;
        Labels = labels;
        Categories = categories;
        MaxLength = manifest.MaxLength ?? IntentContract.DefaultMaxLength;
        LogitsName = manifest.Outputs[0].Name;
    }

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

    internal static IntentModel Load(ModelManifest manifest, string directory, InferenceSession session)
    {
        var names = manifest.Inputs.Select(i => i.Name).Order(StringComparer.Ordinal).ToArray();
        var logits = manifest.Outputs.Count == 1 && manifest.Outputs[0] is { ElementType: TensorElementTypes.Float32, Shape.Count: 2 } o && o.Dimension(1) > 0 ? o : null;
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
