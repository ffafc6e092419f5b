using EcomOrleans.Models.Intent;
using Microsoft.ML.Tokenizers;

namespace EcomOrleans.Training.Intent;

/// <summary>
/// Lower-casing BERT WordPiece tokenization with a vocabulary pruned to what the training text
/// uses. Greedy longest-match WordPiece picks the same pieces from the pruned vocabulary as
/// from the full one for any text the pruning saw, so the shipped vocab.txt is all serving needs.
/// </summary>
internal sealed class IntentTokenizer
{
    private static readonly string[] SpecialTokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

    private readonly BertTokenizer _tokenizer;

    public IntentTokenizer(string vocabularyPath, int maxLength)
    {
        _tokenizer = BertTokenizer.Create(vocabularyPath, new BertOptions { LowerCaseBeforeTokenization = IntentContract.LowerCaseBeforeTokenization });
        MaxLength = maxLength;
        VocabularySize = File.ReadLines(vocabularyPath).Count();
    }

    public int MaxLength { get; }

    public int VocabularySize { get; }

    /// <summary>[CLS] pieces [SEP], cut to MaxLength with [SEP] kept last.</summary>
    public int[] Encode(string text) => IntentEncoding.Truncate(_tokenizer.EncodeToIds(text), MaxLength);

    /// <summary>Right-padded input_ids and attention_mask, row-major [texts, length], length = longest encoding.</summary>
    public (long[] InputIds, long[] AttentionMask, int Length) EncodeBatch(IReadOnlyList<string> texts)
    {
        var encoded = texts.Select(Encode).ToArray();
        var length = encoded.Max(e => e.Length);
        var ids = new long[texts.Count * length];
        var mask = new long[texts.Count * length];
        IntentEncoding.RightPad(encoded, length, ids, mask);
        return (ids, mask, length);
    }

    /// <summary>Writes the special tokens plus every token the full vocabulary gives <paramref name="texts"/>, in the full vocabulary's order.</summary>
    public static void WritePrunedVocabulary(string fullVocabularyPath, IEnumerable<string> texts, string outputPath)
    {
        var full = BertTokenizer.Create(fullVocabularyPath, new BertOptions { LowerCaseBeforeTokenization = IntentContract.LowerCaseBeforeTokenization });
        var used = new HashSet<int>();
        foreach (var text in texts)
        {
            used.UnionWith(full.EncodeToIds(text));
        }

        var tokens = File.ReadLines(fullVocabularyPath).ToArray();
        var kept = SpecialTokens.Concat(tokens.Where((token, id) => used.Contains(id) && !SpecialTokens.Contains(token)));
        File.WriteAllLines(outputPath, kept);
    }
}
