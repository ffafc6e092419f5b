using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Skus;

/// <summary>
/// The third record of a <see cref="SkuGrain"/>: its forecast, the days scored against it and the running errors.
/// Apart from the hot and the demand records, so a forecast refresh never rewrites either.
/// </summary>
[GenerateSerializer, Alias("ecom.SkuPlanState")]
public sealed class SkuPlanState
{
    [Id(0)] public SkuForecast? Forecast { get; set; }

    /// <summary>The last scored days, oldest first, at most <see cref="ForecastOptions.ScoredDaysKept"/>.</summary>
    [Id(1)] public List<ForecastedDay> Recent { get; set; } = [];

    [Id(2)] public ForecastErrorState Errors { get; set; } = new();

    /// <summary>The last day scored; days up to it are never scored again.</summary>
    [Id(3)] public DateOnly ScoredThrough { get; set; }

    /// <summary>The price suggestions made, newest first, at most <see cref="PricingOptions.SuggestionsKept"/>: the audit trail.</summary>
    [Id(4)] public List<PriceSuggestionRecord> Suggestions { get; set; } = [];

    /// <summary>The SKU's own elasticity at its last decision, reported to its category (null without a fit).</summary>
    [Id(5)] public double? OwnElasticity { get; set; }

    [Id(6)] public double? OwnElasticityStandardError { get; set; }
}
