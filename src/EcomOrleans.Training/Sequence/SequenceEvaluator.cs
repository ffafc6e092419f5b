namespace EcomOrleans.Training.Sequence;

/// <summary>
/// Leave-one-out next-item evaluation: each user's last item (test) or the one before it
/// (validation) is ranked against candidates chosen by a <see cref="RankingProtocol"/>.
/// </summary>
internal static class SequenceEvaluator
{
    public const int Cutoff = 10;
    public const int NegativeCount = 100;

    public static RankingResult Evaluate(
        SequenceDataset data, IItemScorer scorer, RankingProtocol protocol, HoldOut holdOut, int seed,
        int maxUsers = int.MaxValue, int batchSize = 256)
    {
        var heldOut = holdOut == HoldOut.Test ? 1 : 2;
        var users = Enumerable.Range(0, data.Sequences.Count).Where(u => data.Sequences[u].Length > heldOut).ToArray();
        if (users.Length > maxUsers)
        {
            new Random(seed).Shuffle(users);
            users = users[..maxUsers];
            Array.Sort(users);
        }

        var popularity = protocol == RankingProtocol.Popular100 ? CumulativePopularity(data.Popularity()) : [];
        var hits = new double[users.Length];
        var ndcgs = new double[users.Length];
        var width = data.ItemCount + 1;
        var scores = new float[Math.Min(batchSize, users.Length) * width];
        for (var start = 0; start < users.Length; start += batchSize)
        {
            var batch = users.AsSpan(start, Math.Min(batchSize, users.Length - start)).ToArray();
            var histories = batch.Select(u => data.Sequences[u][..^heldOut]).ToArray();
            scorer.Score(histories, scores);
            Parallel.For(0, batch.Length, i =>
            {
                var sequence = data.Sequences[batch[i]];
                var target = sequence[^heldOut];
                var row = scores.AsSpan(i * width, width);
                var (greater, ties) = protocol == RankingProtocol.Full
                    ? CountFull(row, target, histories[i])
                    : CountSampled(row, target, SampleNegatives(data.ItemCount, sequence, popularity, new Random(unchecked((seed * 1_000_003) + batch[i]))));
                (hits[start + i], ndcgs[start + i]) = RankingMetrics.AtK(greater, ties, Cutoff);
            });
        }

        return new RankingResult(protocol, hits.Average(), ndcgs.Average(), users.Length);
    }

    /// <summary>Counts items 1..N outside the history that outscore or tie with the target.</summary>
    public static (int Greater, int Ties) CountFull(ReadOnlySpan<float> scores, int target, IReadOnlyCollection<int> history)
    {
        var seen = new HashSet<int>(history);
        seen.Remove(target);
        var targetScore = scores[target];
        int greater = 0, ties = 0;
        for (var item = 1; item < scores.Length; item++)
        {
            if (item == target || seen.Contains(item))
            {
                continue;
            }

            if (scores[item] > targetScore)
            {
                greater++;
            }
            else if (scores[item] == targetScore)
            {
                ties++;
            }
        }

        return (greater, ties);
    }

    public static (int Greater, int Ties) CountSampled(ReadOnlySpan<float> scores, int target, IEnumerable<int> negatives)
    {
        var targetScore = scores[target];
        int greater = 0, ties = 0;
        foreach (var item in negatives)
        {
            if (scores[item] > targetScore)
            {
                greater++;
            }
            else if (scores[item] == targetScore)
            {
                ties++;
            }
        }

        return (greater, ties);
    }

    /// <summary>
    /// 100 distinct items the user never interacted with, uniformly or (when
    /// <paramref name="cumulativePopularity"/> is given) in proportion to popularity.
    /// </summary>
    public static int[] SampleNegatives(int itemCount, IReadOnlyCollection<int> interacted, double[] cumulativePopularity, Random random)
    {
        var excluded = new HashSet<int>(interacted);
        var available = itemCount - excluded.Count;
        var wanted = Math.Min(NegativeCount, available);
        var negatives = new HashSet<int>();
        while (negatives.Count < wanted)
        {
            var item = cumulativePopularity.Length == 0
                ? random.Next(1, itemCount + 1)
                : PickByPopularity(cumulativePopularity, random.NextDouble());
            if (!excluded.Contains(item))
            {
                negatives.Add(item);
            }
        }

        return [.. negatives];
    }

    private static int PickByPopularity(double[] cumulative, double u)
    {
        // Item i owns [cumulative[i - 1], cumulative[i]): the first index whose total exceeds x.
        var x = u * cumulative[^1];
        var index = Array.BinarySearch(cumulative, x);
        index = index < 0 ? ~index : index;
        while (index < cumulative.Length - 1 && cumulative[index] <= x)
        {
            index++;
        }

        return Math.Max(index, 1);
    }

    /// <summary>Running totals of item counts: cumulative[i] = counts[0] + ... + counts[i].</summary>
    private static double[] CumulativePopularity(long[] counts)
    {
        var cumulative = new double[counts.Length];
        double total = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            total += counts[i];
            cumulative[i] = total;
        }

        return cumulative;
    }
}
