namespace EcomOrleans.Grains.Recommendations;

/// <summary>How recommendations are built (configuration section <c>Grains:Recommendations</c>).</summary>
public sealed class RecommendationOptions
{
    public const string SectionName = "Grains:Recommendations";

    /// <summary>Most items one request may ask for. Default 100.</summary>
    public int MaxCount { get; set; } = 100;

    /// <summary>Model candidates fetched per item asked for, to survive stock and category filters. Default 3.</summary>
    public int CandidateMultiplier { get; set; } = 3;

    /// <summary>Leave out SKUs the user bought within the behaviour sequence. Default true.</summary>
    public bool ExcludePurchased { get; set; } = true;

    /// <summary>Leave out SKUs in the user's cart (added and not removed or bought). Default true.</summary>
    public bool ExcludeInCart { get; set; } = true;

    /// <summary>Session items whose co-views seed the session fallback. Default 5 (the latest).</summary>
    public int SessionItems { get; set; } = 5;

    /// <summary>How long after an event the embedding is refreshed in the background; events within it share one refresh. Default 250 ms.</summary>
    public TimeSpan EmbeddingRefreshDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Recommendations remembered per user for click and purchase attribution. Default 20.</summary>
    public int RememberedRecommendations { get; set; } = 20;

    internal IEnumerable<string> Validate()
    {
        if (MaxCount is < 1 or > 1_000) yield return $"{SectionName}:MaxCount must be between 1 and 1000 (was {MaxCount}).";
        if (CandidateMultiplier is < 1 or > 100) yield return $"{SectionName}:CandidateMultiplier must be between 1 and 100 (was {CandidateMultiplier}).";
        if (SessionItems is < 1 or > 50) yield return $"{SectionName}:SessionItems must be between 1 and 50 (was {SessionItems}).";
        if (EmbeddingRefreshDelay < TimeSpan.Zero) yield return $"{SectionName}:EmbeddingRefreshDelay must not be negative (was {EmbeddingRefreshDelay}).";
        if (RememberedRecommendations is < 0 or > 1_000) yield return $"{SectionName}:RememberedRecommendations must be between 0 and 1000 (was {RememberedRecommendations}).";
    }
}
