using EcomOrleans.Training.Sequence;

namespace EcomOrleans.Training.Tests.Sequence;

public sealed class RankingMetricsTests
{
    [Theory]
    [InlineData(0, 1.0, 1.0)] // top: 1 / log2(2)
    [InlineData(2, 1.0, 0.5)] // third: 1 / log2(4)
    [InlineData(6, 1.0, 1.0 / 3)] // seventh: 1 / log2(8)
    [InlineData(9, 1.0, 0.28906482631788788)] // tenth: 1 / log2(11)
    [InlineData(10, 0.0, 0.0)] // eleventh misses the cut-off
    public void AtK_TargetWithoutTies_ScoresItsPosition(int greater, double hit, double ndcg)
    {
        var (actualHit, actualNdcg) = RankingMetrics.AtK(greater, ties: 0, k: 10);

        Assert.Equal(hit, actualHit, 12);
        Assert.Equal(ndcg, actualNdcg, 12);
    }

    [Fact]
    public void AtK_TieAcrossTheCutOff_AveragesThePositionsItCouldTake()
    {
        // Positions 9 or 10 (0-based) with equal chance: one of the two is inside the top 10.
        var (hit, ndcg) = RankingMetrics.AtK(greater: 9, ties: 1, k: 10);

        Assert.Equal(0.5, hit, 12);
        Assert.Equal(0.5 / Math.Log2(11), ndcg, 12);
    }

    [Fact]
    public void CountFull_HistoryItems_AreFilteredButTheTargetIsKept()
    {
        // Items 1..5 score 5,4,3,2,1; the target 4 (score 2) was also seen before, item 1 was seen.
        float[] scores = [0, 5, 4, 3, 2, 1];

        var (greater, ties) = SequenceEvaluator.CountFull(scores, target: 4, history: [1, 4]);

        Assert.Equal((2, 0), (greater, ties)); // items 2 and 3 outscore it; 1 is filtered
    }

    [Fact]
    public void SampleNegatives_Uniform_ReturnsDistinctItemsTheUserNeverTouched()
    {
        var interacted = Enumerable.Range(1, 50).ToArray();

        var negatives = SequenceEvaluator.SampleNegatives(200, interacted, [], new Random(3));

        Assert.Equal(SequenceEvaluator.NegativeCount, negatives.Distinct().Count());
        Assert.All(negatives, n => Assert.InRange(n, 51, 200));
    }

    [Fact]
    public void SampleNegatives_ByPopularity_NeverPicksItemsWithNoInteractions()
    {
        // Only even items have counts; cumulative totals over ids 0..300.
        var cumulative = new double[301];
        for (var i = 1; i <= 300; i++)
        {
            cumulative[i] = cumulative[i - 1] + (i % 2 == 0 ? i : 0);
        }

        var negatives = SequenceEvaluator.SampleNegatives(300, [2, 4], cumulative, new Random(5));

        Assert.Equal(SequenceEvaluator.NegativeCount, negatives.Length);
        Assert.All(negatives, n => Assert.True(n % 2 == 0 && n > 4, $"item {n} has no interactions or was interacted with"));
    }

    [Fact]
    public void Evaluate_FixedScores_GivesHandComputedHitRateAndNdcg()
    {
        // Two users; the scorer ranks items by id (higher id = higher score).
        // User A: history 1 2, target 9: in full ranking only item 10 outscores it -> position 1.
        // User B: history 9 10, target 3: items 4..8 outscore it (9, 10 are seen) -> position 5.
        var data = SequenceDataset.Parse(["1 1 2 9", "2 9 10 3", "3 5 6 7 8 4"]);
        var scorer = new ByIdScorer();

        var result = SequenceEvaluator.Evaluate(data, scorer, RankingProtocol.Full, HoldOut.Test, seed: 1);

        // User C: history 5 6 7 8, target 4: items 9, 10 outscore it -> position 2.
        var expectedNdcg = (1 / Math.Log2(3) + 1 / Math.Log2(7) + 1 / Math.Log2(4)) / 3;
        Assert.Equal(3, result.Users);
        Assert.Equal(1.0, result.Hr10, 12);
        Assert.Equal(expectedNdcg, result.Ndcg10, 12);
    }

    [Fact]
    public void Parse_UserItemPairs_GroupsItemsByUserInFileOrder()
    {
        var data = SequenceDataset.Parse(["1 5", "1 3", "2 7", "2 5", "2 1"]);

        Assert.Equal([[5, 3], [7, 5, 1]], data.Sequences);
        Assert.Equal(7, data.ItemCount);
    }

    private sealed class ByIdScorer : IItemScorer
    {
        public void Score(IReadOnlyList<int[]> histories, float[] scores)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] = i % 11;
            }
        }
    }
}
