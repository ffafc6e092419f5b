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

    /// <summary>The tokenizer lower-cases text before WordPiece.</summary>
    public const bool LowerCaseBeforeTokenization = true;

    /// <summary>Most tokens per message, [CLS] and [SEP] included, when the manifest names no maxLength.</summary>
    public const int DefaultMaxLength = 64;

    /// <summary>The optional <c>details</c> key mapping each intent to its category.</summary>
    public const string CategoriesDetail = "categories";
}
