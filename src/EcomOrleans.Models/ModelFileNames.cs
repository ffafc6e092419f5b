namespace EcomOrleans.Models;

/// <summary>The file names of a model folder, as the training tool writes them.</summary>
public static class ModelFileNames
{
    public const string Onnx = "model.onnx";
    public const string Manifest = "manifest.json";

    /// <summary>Sequence models: one SKU per line, line i = item id i, line 0 empty (padding).</summary>
    public const string ItemSkus = "item_skus.txt";

    /// <summary>Sequence models: the item embedding table, raw little-endian float32 (<see cref="Float32File"/>).</summary>
    public const string ItemEmbeddings = "item_embeddings.f32";

    /// <summary>Intent models: a JSON array of intent names, logit i = labels[i].</summary>
    public const string Labels = "labels.json";

    /// <summary>Intent models: the WordPiece vocabulary, one token per line, line number = id.</summary>
    public const string Vocabulary = "vocab.txt";

    /// <summary>
    /// Intent models over the sentence encoder, optional: the training rows' lower-case words and their counts, one
    /// <c>word TAB count</c> a line, which <see cref="Intent.MessageNormalizer"/> corrects misspellings toward.
    /// </summary>
    public const string Spelling = "spelling.tsv";

    /// <summary>
    /// Sequence models, optional: catalog facts for the model's SKUs (<see cref="Sequence.DemoCatalogFile"/>), which an
    /// engine on the embedded, not durable default loads at start-up so that a fresh engine recommends something.
    /// </summary>
    public const string DemoCatalog = "demo-catalog.csv";

    /// <summary>Every model: the training loss per epoch (not read by serving).</summary>
    public const string LearningCurve = "learning-curve.png";
}
