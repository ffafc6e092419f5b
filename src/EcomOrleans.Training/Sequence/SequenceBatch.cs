namespace EcomOrleans.Training.Sequence;

/// <summary>Packs histories into the model's input: the newest items, LEFT-padded with 0.</summary>
internal static class SequenceBatch
{
    /// <summary>Row-major ids [histories, length], length = min(maxLength, longest history).</summary>
    public static (long[] Ids, int Length) LeftPad(IReadOnlyList<int[]> histories, int maxLength)
    {
        var length = Math.Max(1, Math.Min(maxLength, histories.Max(h => h.Length)));
        var ids = new long[histories.Count * length];
        for (var row = 0; row < histories.Count; row++)
        {
            var history = histories[row];
            var take = Math.Min(length, history.Length);
            for (var i = 0; i < take; i++)
            {
                ids[(row * length) + length - take + i] = history[history.Length - take + i];
            }
        }

        return (ids, length);
    }
}
