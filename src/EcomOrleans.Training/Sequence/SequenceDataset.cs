using System.Globalization;

namespace EcomOrleans.Training.Sequence;

/// <summary>
/// Users' item-id sequences in time order. Reads either layout of the reference files:
/// one user per line (<c>uid i1 i2 ...</c>, the S3-Rec files) or one <c>user item</c> pair per
/// line grouped by user (the BERT4Rec file). Item ids are positive integers used as embedding
/// rows as they are, so id N is SKU <c>{prefix}-N</c>.
/// </summary>
internal sealed class SequenceDataset
{
    private SequenceDataset(IReadOnlyList<int[]> sequences, int itemCount)
    {
        Sequences = sequences;
        ItemCount = itemCount;
    }

    public IReadOnlyList<int[]> Sequences { get; }

    /// <summary>The largest item id; the embedding table has ItemCount + 1 rows.</summary>
    public int ItemCount { get; }

    public int EventCount => Sequences.Sum(s => s.Length);

    public static SequenceDataset Load(string path) => Parse(File.ReadLines(path));

    public static SequenceDataset Parse(IEnumerable<string> lines)
    {
        var rows = lines
            .Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(r => r.Length > 0)
            .Select(r => r.Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray())
            .ToList();
        var pairs = rows.Count > 0 && rows.All(r => r.Length == 2) && rows.Select(r => r[0]).Distinct().Count() < rows.Count;
        var sequences = pairs
            ? rows.GroupBy(r => r[0]).Select(g => g.Select(r => r[1]).ToArray()).ToList()
            : rows.Where(r => r.Length > 1).Select(r => r[1..]).ToList();
        if (sequences.Count == 0)
        {
            throw new InvalidDataException("The file holds no user sequence.");
        }

        if (sequences.Any(s => s.Any(i => i <= 0)))
        {
            throw new InvalidDataException("Item ids must be positive: 0 is the padding id.");
        }

        return new SequenceDataset(sequences, sequences.Max(s => s.Max()));
    }

    /// <summary>Interaction counts per item id over every user's history before their test item.</summary>
    public long[] Popularity()
    {
        var counts = new long[ItemCount + 1];
        foreach (var sequence in Sequences)
        {
            for (var i = 0; i < sequence.Length - 1; i++)
            {
                counts[sequence[i]]++;
            }
        }

        return counts;
    }
}
