using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Skus;

/// <summary>
/// The merchandising series dashboards watch, observed from the category boards active on this silo: per category
/// always, per SKU for the top <see cref="CategoryBoardOptions.TopSkuSeries"/> by demand of this silo's boards (bounded
/// cardinality). A board publishes its figures here when it changes and withdraws them when it deactivates, so a
/// category's series come from the one silo that holds its board; sum by category across silos.
/// </summary>
public sealed class MerchandisingInstruments : IDisposable
{
    public const string MeterName = "EcomOrleans.Merchandising";

    public const string CategoryTag = "category";
    public const string SkuTag = "sku";
    public const string UrgencyTag = "urgency";

    private readonly Meter _meter = new(MeterName);
    private readonly ConcurrentDictionary<string, CategoryFigures> _categories = new(StringComparer.Ordinal);
    private readonly int _topSkus;

    public MerchandisingInstruments(Microsoft.Extensions.Options.IOptions<CategoryBoardOptions> options)
    {
        _topSkus = options.Value.TopSkuSeries;
        Category("ecom.category.demand_units", "{unit}", "Units sold over the last 28 days, by category", f => f.Units);
        Category("ecom.category.units_today", "{unit}", "Units sold today (UTC), by category", f => f.UnitsToday);
        Category("ecom.category.forecast_units_per_day", "{unit}", "The forecast's mean units a day, summed over the category's SKUs", f => f.ForecastPerDay);
        Category("ecom.category.lost_units", "{unit}", "Estimated units lost to stock-outs over the last 28 days, by category", f => f.LostUnits);
        Category("ecom.category.stock_units", "{unit}", "Units on hand, summed over the category's SKUs", f => f.Stock);
        Category("ecom.category.skus", "{sku}", "SKUs on the category's board", f => f.Skus);
        Category("ecom.category.price_suggestions_pending", "{suggestion}", "SKUs with a pending price suggestion, by category", f => f.PendingSuggestions);
        _meter.CreateObservableGauge("ecom.category.restock_alerts", ObserveAlerts, "{sku}",
            "SKUs out of stock or critical (cover under the lead time), by category and urgency");
        Sku("ecom.sku.demand_units", "{unit}", "Units sold over the last 28 days, for the top SKUs by demand", s => s.Units);
        Sku("ecom.sku.units_today", "{unit}", "Units sold today (UTC), for the top SKUs by demand", s => s.UnitsToday);
        Sku("ecom.sku.forecast_units_per_day", "{unit}", "The forecast's mean units a day, for the top SKUs by demand", s => s.ForecastPerDay ?? 0);
        Sku("ecom.sku.stock_units", "{unit}", "Units on hand, for the top SKUs by demand", s => s.Stock);
        Sku("ecom.sku.days_of_cover", "d", "Days of cover, for the top SKUs by demand (left out without demand)", s => s.DaysOfCover, skipNull: true);
        Sku("ecom.sku.suggested_price_change", "1", "A pending price suggestion's change as a fraction of the price, for the top SKUs by demand", s => s.PendingPriceChange, skipNull: true);
    }

    /// <summary>
    /// A board's figures now (replacing what it published before). A standing reported before <paramref name="today"/>
    /// (UTC) sold nothing today as far as the board knows: its units today count 0.
    /// </summary>
    public void Publish(string category, IReadOnlyCollection<SkuStanding> standings, DateOnly today) =>
        _categories[category] = CategoryFigures.Of(
            [.. standings.Select(s => DateOnly.FromDateTime(s.ReportedAt.UtcDateTime) == today ? s : s with { UnitsToday = 0 })], _topSkus);

    /// <summary>A board that deactivated: its category's series leave this silo.</summary>
    public void Withdraw(string category) => _categories.TryRemove(category, out _);

    public void Dispose() => _meter.Dispose();

    private void Category(string name, string unit, string description, Func<CategoryFigures, double> value) =>
        _meter.CreateObservableGauge(name, () => _categories.Select(c => new Measurement<double>(value(c.Value), new KeyValuePair<string, object?>(CategoryTag, c.Key))),
            unit, description);

    private void Sku(string name, string unit, string description, Func<SkuStanding, double?> value, bool skipNull = false) =>
        _meter.CreateObservableGauge(name, () => TopSkus()
            .Where(s => !skipNull || value(s.Standing) is not null)
            .Select(s => new Measurement<double>(value(s.Standing) ?? 0,
                new KeyValuePair<string, object?>(SkuTag, s.Standing.Sku), new KeyValuePair<string, object?>(CategoryTag, s.Category))),
            unit, description);

    private IEnumerable<(string Category, SkuStanding Standing)> TopSkus() =>
        _categories.SelectMany(c => c.Value.Top.Select(s => (c.Key, s)))
            .OrderByDescending(s => s.s.Units).ThenBy(s => s.s.Sku, StringComparer.Ordinal).Take(_topSkus);

    private IEnumerable<Measurement<int>> ObserveAlerts() =>
        _categories.SelectMany(c => new[] { RestockUrgencies.OutOfStock, RestockUrgencies.Critical }.Select(u => new Measurement<int>(
            u == RestockUrgencies.OutOfStock ? c.Value.OutOfStock : c.Value.Critical,
            new KeyValuePair<string, object?>(CategoryTag, c.Key), new KeyValuePair<string, object?>(UrgencyTag, u))));

    /// <summary>One category's sums, and its top SKUs by demand (as many as could be series).</summary>
    private sealed record CategoryFigures(
        double Units, double UnitsToday, double ForecastPerDay, double LostUnits, double Stock, int Skus, int PendingSuggestions, int OutOfStock, int Critical,
        IReadOnlyList<SkuStanding> Top)
    {
        public static CategoryFigures Of(IReadOnlyCollection<SkuStanding> s, int top) => new(
            s.Sum(x => (double)x.Units), s.Sum(x => (double)x.UnitsToday), s.Sum(x => x.ForecastPerDay ?? 0), s.Sum(x => (double)x.LostUnits),
            s.Sum(x => (double)Math.Max(0, x.Stock)), s.Count, s.Count(x => x.PendingPriceChange is not null),
            s.Count(x => x.Urgency == RestockUrgencies.OutOfStock), s.Count(x => x.Urgency == RestockUrgencies.Critical),
            [.. s.OrderByDescending(x => x.Units).ThenBy(x => x.Sku, StringComparer.Ordinal).Take(top)]);
    }
}
