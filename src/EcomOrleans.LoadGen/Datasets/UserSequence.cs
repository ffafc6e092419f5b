namespace EcomOrleans.LoadGen.Datasets;

/// <summary>One user's interactions in time order, as the review data sets give them (order but no time).</summary>
public sealed record UserSequence(long User, int[] Items);
