namespace EcomOrleans.LoadGen.Datasets;

/// <summary>How a data set becomes a replay script.</summary>
/// <param name="Seed">Fixes prices, stock, synthetic timelines and funnels; the same seed gives the same script.</param>
/// <param name="Now">The replay's present: every timestamp lands before it.</param>
/// <param name="Limit">Keep only the first <c>Limit</c> events in time order; null keeps all.</param>
public sealed record ScriptOptions(int Seed, DateTimeOffset Now, int? Limit = null)
{
    /// <summary>How far back a synthetic timeline (review data sets, which have order but no time) reaches. Default 28 days.</summary>
    public TimeSpan SyntheticSpan { get; init; } = TimeSpan.FromDays(28);
}
