using System.Diagnostics.Metrics;

namespace EcomOrleans.Grains.Skus;

/// <summary>Metrics of SKU grains; names are what dashboards query, so keep them stable.</summary>
public static class SkuInstruments
{
    public const string MeterName = "EcomOrleans.Skus";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>Units that purchases asked for beyond the stock on hand (<c>ecom_sku_lost_units_total</c>).</summary>
    public static readonly Counter<long> LostUnits = Meter.CreateCounter<long>(
        "ecom.sku.lost_units", unit: "{unit}", description: "Units purchases asked for while the SKU was out of stock");
}
