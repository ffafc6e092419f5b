namespace EcomOrleans.Training.Sequence;

/// <summary>How the candidates a target is ranked among are chosen.</summary>
internal enum RankingProtocol
{
    /// <summary>100 negatives sampled uniformly from items the user never interacted with.</summary>
    Uniform100,

    /// <summary>100 negatives sampled by popularity from items the user never interacted with.</summary>
    Popular100,

    /// <summary>Every item, with the items already in the user's history removed (the target is kept).</summary>
    Full,
}
