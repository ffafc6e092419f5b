using EcomOrleans.Models.Demand;

namespace EcomOrleans.Models.Tests.Demand;

public sealed class DemandFeaturesTests
{
    [Fact]
    public void Build_UnitsAndPrices_ComputesScaledUnitsRelativePriceAndDaysSinceSaleAsTheTrainingToolDoes()
    {
        float[] units = [0, 0, 3, 0, 0];
        float[] prices = [2, 0, 4, 3, 0];
        DemandFeature[] layout = [DemandFeature.ScaledUnits, DemandFeature.PriceRatio, DemandFeature.DaysSinceSale, DemandFeature.DayOfWeekSin, DemandFeature.EventDay];
        var features = new float[units.Length * layout.Length];

        DemandFeatures.Build(units, prices, [], new DateOnly(2026, 1, 4), DemandFeatures.Scale(units), layout, features);

        // Scale is max(1, mean units) = 1; the reference price is the median of the known prices (3);
        // days since a sale start at the window length (none yet) and reset on the day of a sale.
        float[] expected =
        [
            0, (2f / 3) - 1, 1, 0, 0,
            0, 0, 1, MathF.Sin(2 * MathF.PI * 1 / 7), 0,
            3, (4f / 3) - 1, 0, MathF.Sin(2 * MathF.PI * 2 / 7), 0,
            0, 0, 1f / 5, MathF.Sin(2 * MathF.PI * 3 / 7), 0,
            0, 0, 2f / 5, MathF.Sin(2 * MathF.PI * 4 / 7), 0,
        ];
        Assert.Equal(expected, features);
    }

    [Fact]
    public void Build_DayOfMonth_IsThePhaseOfTheDayInItsMonth()
    {
        float[] units = [1, 1, 1];
        DemandFeature[] layout = [DemandFeature.DayOfMonthSin, DemandFeature.DayOfMonthCos];
        var features = new float[units.Length * layout.Length];

        // 2024-02-28, 29 (a leap year: 29 days) and March 1st.
        DemandFeatures.Build(units, units, [], new DateOnly(2024, 2, 28), 1, layout, features);

        float[] expected =
        [
            MathF.Sin(2 * MathF.PI * 27 / 29), MathF.Cos(2 * MathF.PI * 27 / 29),
            MathF.Sin(2 * MathF.PI * 28 / 29), MathF.Cos(2 * MathF.PI * 28 / 29),
            0, 1,
        ];
        Assert.Equal(expected, features);
    }

    [Fact]
    public void Build_Series_LaysOutEveryFeatureInOrderWithTheSeriesEventDays()
    {
        float[] units = [0, 2, 0, 4];
        float[] prices = [1, 1, 2, 0];
        float[] events = [0, 1, 0, 0];
        var series = new DemandSeries("s", new DateOnly(2026, 3, 1), units, prices, events);

        var features = DemandFeatures.Build(series, origin: 4, window: 3);

        // The last three days (2 Mar .. 4 Mar 2026, a Monday to a Wednesday); scale = max(1, 6 / 3) = 2;
        // the known prices 1 and 2 have the upper median 2.
        var count = DemandFeatures.Layout.Count;
        Assert.Equal(3 * count, features.Length);
        float[] day0 =
        [
            1, -0.5f, MathF.Sin(2 * MathF.PI * 1 / 7), MathF.Cos(2 * MathF.PI * 1 / 7), MathF.Sin(2 * MathF.PI * 2 / 12), MathF.Cos(2 * MathF.PI * 2 / 12),
            1, MathF.Log(3), 0, MathF.Sin(2 * MathF.PI * 1 / 31), MathF.Cos(2 * MathF.PI * 1 / 31),
        ];
        Assert.Equal(day0, features[..count]);
        // 3 Mar: no sale, one day since the last; 4 Mar: a sale, price unknown.
        Assert.Equal([0f, 0f, 1f / 3, 0f, 0f], [features[count + 1], features[count + 6], features[count + 8], features[(2 * count) + 1], features[(2 * count) + 8]]);
    }

    [Fact]
    public void All_StableNames_AreUniqueSnakeCaseAndCoverEveryFeatureInLayoutOrder()
    {
        Assert.Equal(Enum.GetValues<DemandFeature>(), DemandFeatures.Layout);
        Assert.Equal(DemandFeatures.All.Count, DemandFeatures.All.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(DemandFeatures.All, f => Assert.Matches("^[a-z]+(_[a-z]+)*$", f.Name));
        Assert.Equal("price_ratio", DemandFeatures.NameOf(DemandFeature.PriceRatio));
    }

    [Fact]
    public void Resolve_KnownNames_GivesTheirFeaturesInTheManifestsOrder()
    {
        Assert.Equal([DemandFeature.DayOfMonthCos, DemandFeature.ScaledUnits], DemandFeatures.Resolve(["dom_cos", "scaled_units"]));
    }

    [Fact]
    public void Resolve_UnknownName_IsRefusedNamingItAndTheKnownOnes()
    {
        var error = Assert.Throws<ModelContractException>(() => DemandFeatures.Resolve(["scaled_units", "temperature", "units / scale"]));

        Assert.Equal(
            "details.features names demand features this server cannot compute: temperature, units / scale. " +
            "It computes: scaled_units, price_ratio, dow_sin, dow_cos, month_sin, month_cos, event_day, log_scale, days_since_sale, dom_sin, dom_cos.",
            error.Message);
    }
}
