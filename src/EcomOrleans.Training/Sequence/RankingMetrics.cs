namespace EcomOrleans.Training.Sequence;

/// <summary>Hit rate and NDCG at a cut-off for one ranked target.</summary>
internal static class RankingMetrics
{
    /// <summary>
    /// The expected HR@k and NDCG@k of a target that <paramref name="greater"/> candidates
    /// outscore and <paramref name="ties"/> candidates tie with, breaking ties at random: the
    /// target lands at each 0-based position greater..greater+ties with equal chance.
    /// </summary>
    public static (double Hit, double Ndcg) AtK(int greater, int ties, int k)
    {
        double hit = 0;
        double ndcg = 0;
        for (var position = greater; position <= greater + ties && position < k; position++)
        {
            hit += 1;
            ndcg += 1 / Math.Log2(position + 2);
        }

        return (hit / (ties + 1), ndcg / (ties + 1));
    }
}
