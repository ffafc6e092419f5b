namespace EcomOrleans.Training.Sequence;

/// <summary>Scores every item id for each user history.</summary>
internal interface IItemScorer
{
    /// <summary>Fills <paramref name="scores"/> row-major [histories, items + 1]; column 0 is padding.</summary>
    void Score(IReadOnlyList<int[]> histories, float[] scores);
}
