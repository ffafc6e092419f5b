using System.Diagnostics.Metrics;

namespace EcomOrleans.Grains.Skus;

/// <summary>Metrics of SKU grains; names are what dashboards query, so keep them stable.</summary>
public static class SkuInstruments
{
    public const string MeterName = "EcomOrleans.Skus";

    /// <summary>Tag: how a forecast was made (<see cref="EcomOrleans.Skus.ForecastMethods"/>).</summary>
    public const string MethodTag = "method";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>Views of SKUs with no stock on hand: demand that found none (<c>ecom_sku_out_of_stock_views_total</c>).</summary>
    public static readonly Counter<long> OutOfStockViews = Meter.CreateCounter<long>(
        "ecom.sku.out_of_stock_views", unit: "{view}", description: "Views of SKUs that had no stock on hand");

    /// <summary>Units sold beyond the stock the engine held (<c>ecom_sku_oversold_units_total</c>).</summary>
    public static readonly Counter<long> OversoldUnits = Meter.CreateCounter<long>(
        "ecom.sku.oversold_units", unit: "{unit}", description: "Units the storefront sold beyond the stock the engine held");

    /// <summary>Forecasts remade, by method (<c>ecom_sku_forecast_refreshes_total{method}</c>).</summary>
    public static readonly Counter<long> ForecastRefreshes = Meter.CreateCounter<long>(
        "ecom.sku.forecast.refreshes", unit: "{forecast}", description: "SKU demand forecasts made, by method");

    /// <summary>Price suggestions made (<c>ecom_sku_price_suggestions_total</c>).</summary>
    public static readonly Counter<long> PriceSuggestions = Meter.CreateCounter<long>(
        "ecom.sku.price_suggestions", unit: "{suggestion}", description: "New price suggestions made");

    /// <summary>Price suggestions accepted (<c>ecom_sku_price_changes_total</c>).</summary>
    public static readonly Counter<long> PriceChanges = Meter.CreateCounter<long>(
        "ecom.sku.price_changes", unit: "{change}", description: "Price suggestions accepted, each changing a SKU's price");
}
