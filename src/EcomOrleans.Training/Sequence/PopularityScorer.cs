namespace EcomOrleans.Training.Sequence;

/// <summary>The most-popular baseline: every user gets the items ranked by interaction count.</summary>
internal sealed class PopularityScorer(long[] counts) : IItemScorer
{
    public void Score(IReadOnlyList<int[]> histories, float[] scores)
    {
        for (var u = 0; u < histories.Count; u++)
        {
            for (var item = 0; item < counts.Length; item++)
            {
                scores[(u * counts.Length) + item] = counts[item];
            }
        }
    }
}
