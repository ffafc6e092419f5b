using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;

namespace EcomOrleans.Grains.Recommendations;

/// <summary>How recommendations are built (configuration section <c>Grains:Recommendations</c>).</summary>
public sealed class RecommendationOptions
{
    public const string SectionName = "Grains:Recommendations";

    /// <summary>Most items one request may ask for. Default 100.</summary>
    [Range(1, 1_000, ErrorMessage = OptionsMessages.Between)]
    public int MaxCount { get; set; } = 100;

    /// <summary>Model candidates fetched per item asked for, to survive stock and category filters. Default 3.</summary>
    [Range(1, 100, ErrorMessage = OptionsMessages.Between)]
    public int CandidateMultiplier { get; set; } = 3;

    /// <summary>Leave out SKUs the user bought within the behaviour sequence. Default true.</summary>
    public bool ExcludePurchased { get; set; } = true;

    /// <summary>Leave out SKUs in the user's cart (added and not removed or bought). Default true.</summary>
    public bool ExcludeInCart { get; set; } = true;

    /// <summary>Session items whose co-views seed the session fallback. Default 5 (the latest).</summary>
    [Range(1, 50, ErrorMessage = OptionsMessages.Between)]
    public int SessionItems { get; set; } = 5;

    /// <summary>How long after an event the embedding is refreshed in the background; events within it share one refresh. Default 250 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan EmbeddingRefreshDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// A user served a recommendation within this window has the embedding refreshed in the background after new
    /// events, so the next request finds it ready; anyone else is refreshed when they next ask (at storefront
    /// priority, so a recommendation still sees every acknowledged event). Default 30 minutes; 0 never refreshes in
    /// the background.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan EagerRefreshWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Recommendations remembered per user for click and purchase attribution. Default 20.</summary>
    [Range(0, 1_000, ErrorMessage = OptionsMessages.Between)]
    public int RememberedRecommendations { get; set; } = 20;

    /// <summary>
    /// A session that searched this recently gets the SKUs most like the search first (reason <c>search</c>), up to
    /// half the list. Default 30 minutes; 0 turns search intent off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan SearchWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The least cosine similarity between a search and a SKU's title, brand and category for the SKU to count as
    /// matching it. Default 0.35 (docs/intent.md says how it was chosen).
    /// </summary>
    [Range(-1.0, 1.0, ErrorMessage = OptionsMessages.Between)]
    public double SearchMinScore { get; set; } = 0.35;
}
