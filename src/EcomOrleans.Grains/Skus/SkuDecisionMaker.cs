using System.Globalization;
using System.Text;
using EcomOrleans.Merchandising.Forecasting;
using EcomOrleans.Merchandising.Pricing;
using EcomOrleans.Merchandising.Restock;
using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Skus;

/// <summary>
/// A SKU's restock and price decisions from its catalog facts, stock, forecast and history, without the grain: the
/// policies of EcomOrleans.Merchandising with the engine's options, turned into the wire records.
/// </summary>
public static class SkuDecisionMaker
{
    public static RestockAdvice Restock(SkuCatalog catalog, int stock, SkuForecast forecast, RestockOptions options)
    {
        var settings = new RestockSettings
        {
            LeadTimeDays = catalog.LeadTimeDays,
            ReviewPeriodDays = options.ReviewPeriodDays,
            ServiceLevel = options.ServiceLevel,
            UnitPrice = (double)catalog.Price,
            UnitCost = (double)Math.Min(catalog.Cost, catalog.Price),
            HoldingCostRate = options.HoldingCostRate,
            Policy = options.Policy,
            OverstockMultiple = options.OverstockMultiple,
        };
        // Units already ordered are not tracked by the engine (no purchase-order API): the position is what is on hand.
        var decision = RestockPolicy.Decide(new RestockInputs(Math.Max(0, stock), 0, Quantiles(forecast), settings));
        var reason = forecast.Method == ForecastMethods.None ? $"{decision.Reason} (no forecast yet: {forecast.Reason})" : decision.Reason;
        return new RestockAdvice(WireName(decision.Policy), WireName(decision.Urgency), (int)Math.Min(int.MaxValue, decision.OrderQuantity),
            Round(decision.ReorderPoint), Round(decision.OrderUpToLevel), Round(decision.SafetyStock), Round(decision.LeadTimeDemand.Mean),
            Round(decision.ProtectionDemand.Mean), Round(decision.ProtectionDemand.StandardDeviation), Round(decision.ServiceLevel),
            decision.DaysOfCover is { } cover ? Round(cover) : null, stock, catalog.LeadTimeDays, options.ReviewPeriodDays, forecast.Method, reason);
    }

    /// <summary>
    /// The SKU's price history as the elasticity estimator reads it: one observation per retained day, units sold and the
    /// average price paid (days without sales count as zero-unit days, which the estimator leaves out and counts).
    /// Promotions are not reported by the storefront, so no day is flagged promoted.
    /// </summary>
    public static IReadOnlyList<PriceObservation> PriceHistory(SkuDemandState demand, decimal catalogPrice) =>
        [.. demand.Daily.Select(d => new PriceObservation(SkuForecasting.DayOf(d.Start), d.Units,
            d.Units > 0 && d.Revenue > 0 ? (double)(d.Revenue / d.Units) : (double)catalogPrice, false))];

    /// <summary>
    /// The SKU's own elasticity fit (day-of-week dummies as the seasonal control), or null when its history cannot be
    /// fitted (too few days with sales, or a price that never moved).
    /// </summary>
    public static ElasticityFit? OwnFit(IReadOnlyList<PriceObservation> history, PricingOptions options)
    {
        try
        {
            return new ElasticityEstimator(Estimator(options)).Fit(history);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    public static PriceAdvice Price(
        SkuCatalog catalog, int stock, SkuForecast forecast, IReadOnlyList<PriceObservation> history, CategoryElasticity? category, PricingOptions options)
    {
        var limits = new PriceLimits(options.MaxChange, options.MinimumMargin, options.TargetDaysOfCover);
        var unitsPerDay = forecast.Mean.Length == 0 ? 0 : forecast.Mean.Average(m => (double)m);
        var current = Point(catalog, 1, unitsPerDay);
        var estimator = new ElasticityEstimator(Estimator(options));
        ElasticityEstimate estimate;
        if (category is null)
        {
            var own = OwnFit(history, options);
            if (own is null)
            {
                return new PriceAdvice(null, "no_elasticity", null, WireName(PriceGuardrail.None), current, current, limits,
                    "No elasticity to price by: the SKU's own prices have not varied over enough days with sales, and its category has fewer than 2 SKUs that have");
            }

            estimate = new ElasticityEstimate(own.Elasticity, own.StandardError, own.Lower, own.Upper, own.ConfidenceLevel, 1, ElasticitySource.Own, own,
                string.Create(CultureInfo.InvariantCulture, $"own OLS on {own.Observations} days (the category has no prior yet)"));
        }
        else
        {
            estimate = estimator.Estimate(history, new CategoryPrior(category.Mean, category.BetweenSkuVariance, category.MeanVariance, category.Skus));
        }

        // The forecast is of demand at the prices its history sold at; at another current price (one just accepted, or
        // put) the decision scales it by the elasticity, so the expected units at the current price move with it.
        unitsPerDay *= PriceAdjustment((double)catalog.Price, RecentPrice(history), estimate.Elasticity);
        var days = unitsPerDay > 0 ? Math.Max(0, stock) / unitsPerDay : double.PositiveInfinity;
        var situation = new PricingSituation((double)catalog.Price, (double)catalog.Cost, unitsPerDay, double.IsFinite(days) ? days : 1e9, options.TargetDaysOfCover);
        var suggestion = new PricePolicy(new PriceGuardrails(options.MaxChange, options.MinimumMargin)).Suggest(situation, estimate);
        var view = new ElasticityView(Round(estimate.Elasticity), Round(estimate.Lower), Round(estimate.Upper), estimate.ConfidenceLevel, WireName(estimate.Source),
            Round(estimate.OwnWeight), estimate.Own?.Observations ?? 0, estimate.Reason);
        return new PriceAdvice(null, WireName(suggestion.Outcome), view, WireName(suggestion.BindingGuardrail), Point(suggestion.Current),
            Point(suggestion.Suggested), limits, suggestion.Reason);
    }

    /// <summary>Days of history whose realized price is the forecast's price.</summary>
    public const int RecentPriceDays = 28;

    /// <summary>The unit-weighted mean price of the last <see cref="RecentPriceDays"/> days with sales; null without any.</summary>
    public static double? RecentPrice(IReadOnlyList<PriceObservation> history)
    {
        var recent = history.Where(o => o.Units > 0).OrderByDescending(o => o.Period).Take(RecentPriceDays).ToList();
        var units = recent.Sum(o => o.Units);
        return units > 0 ? recent.Sum(o => o.UnitPrice * o.Units) / units : null;
    }

    /// <summary>(current / recent)^elasticity: 1 when the current price is the one the history sold at, or nothing is known.</summary>
    public static double PriceAdjustment(double current, double? recent, double elasticity) =>
        recent is > 0 && current > 0 && double.IsFinite(elasticity) ? Math.Pow(current / recent.Value, elasticity) : 1;

    /// <summary>A suggestion's id: a hash of the SKU, the two prices, the cost and the time it was made (the same inputs, the same id).</summary>
    public static string SuggestionId(string sku, decimal from, decimal to, decimal cost, DateTimeOffset madeAt) =>
        StableHash.Of(sku, string.Create(CultureInfo.InvariantCulture, $"{from}|{to}|{cost}|{madeAt.UtcTicks}")).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary><c>OutOfStock</c> as <c>out_of_stock</c>: enum values on the wire as the rest of the contract spells names.</summary>
    public static string WireName<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var wire = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                wire.Append('_');
            }

            wire.Append(char.ToLowerInvariant(name[i]));
        }

        return wire.ToString();
    }

    private static ElasticityOptions Estimator(PricingOptions options) => new(Seasonality.DayOfWeek, ConfidenceLevel: options.ConfidenceLevel);

    private static PricePoint Point(SkuCatalog catalog, double ratio, double unitsPerDay)
    {
        var price = (double)catalog.Price * ratio;
        return new PricePoint(catalog.Price, Round(unitsPerDay), Round(price * unitsPerDay), Round((price - (double)catalog.Cost) * unitsPerDay));
    }

    private static PricePoint Point(PriceOutcome outcome) =>
        new((decimal)Math.Round(outcome.Price, 2), Round(outcome.UnitsPerDay), Round(outcome.RevenuePerDay), Round(outcome.MarginPerDay));

    private static QuantileForecast Quantiles(SkuForecast f) => new(f.Mean, f.P10, f.P50, f.P90);

    private static double Round(double value) => Math.Round(value, 4);
}
