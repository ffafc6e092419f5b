namespace EcomOrleans.Models.Intent;

/// <summary>
/// The intent classifier's contract: lower-casing BERT WordPiece ids over vocab.txt, [CLS] pieces [SEP],
/// right-padded with 0, and their attention mask [batch, length] to one logit per label [batch, labels]
/// in labels.json order.
/// </summary>
public static class IntentContract
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string Logits = "logits";

    /// <summary>
    /// An optional second output of a head over the sentence encoder, float32 [batch]: how near the message is to the
    /// intents' training messages, the largest cosine similarity of its embedding to an intent's centroid (the mean
    /// of that intent's unit-length training embeddings, scaled to unit length). Under the manifest's
    /// <see cref="InScopeThresholdMetric"/> the message is out of scope.
    /// </summary>
    public const string InScope = "in_scope";

    /// <summary>The manifest metric holding the in-scope threshold the training chose.</summary>
    public const string InScopeThresholdMetric = "inScopeThreshold";

    /// <summary>The tokenizer lower-cases text before WordPiece.</summary>
    public const bool LowerCaseBeforeTokenization = true;

    /// <summary>Most tokens per message, [CLS] and [SEP] included, when the manifest names no maxLength.</summary>
    public const int DefaultMaxLength = 64;

    /// <summary>The optional <c>details</c> key mapping each intent to its category.</summary>
    public const string CategoriesDetail = "categories";
}
