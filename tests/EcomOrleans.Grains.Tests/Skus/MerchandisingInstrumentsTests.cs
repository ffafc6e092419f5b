using System.Diagnostics.Metrics;
using EcomOrleans.Grains.Skus;
using EcomOrleans.Skus;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Grains.Tests.Skus;

/// <summary>The merchandising gauges: per category always, per SKU for the top N by demand, and gone once withdrawn.</summary>
public sealed class MerchandisingInstrumentsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static SkuStanding Standing(string sku, long units, long unitsToday, int stock, DateTimeOffset reportedAt, string? urgency = null, double? change = null) =>
        new(sku, units, 0, 0, 0, stock, null, null, null, reportedAt, unitsToday, null, urgency, change);

    [Fact]
    public void Publish_SumsTheCategory_CountsAlerts_AndGivesSeriesToTheTopSkusOnly()
    {
        using var instruments = new MerchandisingInstruments(Options.Create(new CategoryBoardOptions { TopSkuSeries = 1 }));
        var category = $"c-{Guid.NewGuid():N}";

        instruments.Publish(category, [
            Standing("big", units: 30, unitsToday: 4, stock: 10, Now, change: -0.1),
            Standing("gone", units: 5, unitsToday: 1, stock: 0, Now, urgency: RestockUrgencies.OutOfStock),
            // Reported yesterday: its units today are yesterday's, so they count 0.
            Standing("stale", units: 2, unitsToday: 7, stock: 3, Now.AddDays(-1), urgency: RestockUrgencies.Critical),
        ], Today);
        var read = Observe(category);

        Assert.Equal(37, read[("ecom.category.demand_units", "")]);
        Assert.Equal(5, read[("ecom.category.units_today", "")]);
        Assert.Equal(13, read[("ecom.category.stock_units", "")]);
        Assert.Equal(3, read[("ecom.category.skus", "")]);
        Assert.Equal(1, read[("ecom.category.price_suggestions_pending", "")]);
        Assert.Equal(1, read[("ecom.category.restock_alerts", RestockUrgencies.OutOfStock)]);
        Assert.Equal(1, read[("ecom.category.restock_alerts", RestockUrgencies.Critical)]);
        // One SKU series each (TopSkuSeries = 1): the one with the most demand.
        Assert.Equal(30, read[("ecom.sku.demand_units", "big")]);
        Assert.Equal(-0.1, read[("ecom.sku.suggested_price_change", "big")]);
        Assert.DoesNotContain(read.Keys, k => k.Instrument.StartsWith("ecom.sku.", StringComparison.Ordinal) && k.Label != "big");
    }

    [Fact]
    public void Withdraw_TheCategorysSeriesAreGone()
    {
        using var instruments = new MerchandisingInstruments(Options.Create(new CategoryBoardOptions()));
        var category = $"c-{Guid.NewGuid():N}";
        instruments.Publish(category, [Standing("a", units: 3, unitsToday: 1, stock: 2, Now)], Today);

        instruments.Withdraw(category);

        Assert.Empty(Observe(category));
    }

    /// <summary>Every measurement tagged with <paramref name="category"/>, by instrument and its sku (or urgency) label.</summary>
    private static Dictionary<(string Instrument, string Label), double> Observe(string category)
    {
        var read = new Dictionary<(string, string), double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == MerchandisingInstruments.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? of = null, label = "";
            foreach (var tag in tags)
            {
                if (tag.Key == MerchandisingInstruments.CategoryTag)
                {
                    of = (string?)tag.Value;
                }
                else if (tag.Key is MerchandisingInstruments.SkuTag or MerchandisingInstruments.UrgencyTag)
                {
                    label = (string?)tag.Value ?? "";
                }
            }

            if (of == category)
            {
                read[(instrument.Name, label)] = value;
            }
        }

        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        listener.RecordObservableInstruments();
        return read;
    }
}
