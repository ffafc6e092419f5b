namespace EcomOrleans.Models.Intent;

/// <summary>How tokenized messages become the intent model's inputs, the same for training and serving.</summary>
public static class IntentEncoding
{
    /// <summary>
    /// Cuts the tokenizer's ids ([CLS] pieces [SEP]) to <paramref name="maxLength"/>, keeping [SEP] last.
    /// </summary>
    public static int[] Truncate(IReadOnlyList<int> ids, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (ids.Count <= maxLength)
        {
            return [.. ids];
        }

        var cut = new int[maxLength];
        for (var i = 0; i < maxLength - 1; i++)
        {
            cut[i] = ids[i];
        }

        cut[^1] = ids[^1];
        return cut;
    }

    /// <summary>
    /// Writes right-padded ids and attention mask, row-major [rows, <paramref name="length"/>], into
    /// <paramref name="inputIds"/> and <paramref name="attentionMask"/>: 0 on padding, mask 1 on real tokens.
    /// </summary>
    public static void RightPad(IReadOnlyList<int[]> encoded, int length, Span<long> inputIds, Span<long> attentionMask)
    {
        var size = encoded.Count * length;
        inputIds[..size].Clear();
        attentionMask[..size].Clear();
        for (var row = 0; row < encoded.Count; row++)
        {
            var tokens = encoded[row];
            for (var t = 0; t < tokens.Length; t++)
            {
                inputIds[(row * length) + t] = tokens[t];
                attentionMask[(row * length) + t] = 1;
            }
        }
    }
}
