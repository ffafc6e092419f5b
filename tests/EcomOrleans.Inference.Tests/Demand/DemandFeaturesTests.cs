using EcomOrleans.Inference.Demand;

namespace EcomOrleans.Inference.Tests.Demand;

public sealed class DemandFeaturesTests
{
    [Fact]
    public void Build_UnitsAndPrices_ComputesScaledUnitsRelativePriceAndDaysSinceSaleAsTheTrainingToolDoes()
    {
        float[] units = [0, 0, 3, 0, 0];
        float[] prices = [2, 0, 4, 3, 0];
        DemandFeature[] layout = [DemandFeature.Units, DemandFeature.Price, DemandFeature.DaysSinceSale, DemandFeature.DayOfWeekSin, DemandFeature.EventDay];
        var features = new float[units.Length * layout.Length];

        DemandFeatures.Build(units, prices, new DateOnly(2026, 1, 4), DemandFeatures.Scale(units), layout, features);

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
        DemandFeatures.Build(units, units, new DateOnly(2024, 2, 28), 1, layout, features);

        float[] expected =
        [
            MathF.Sin(2 * MathF.PI * 27 / 29), MathF.Cos(2 * MathF.PI * 27 / 29),
            MathF.Sin(2 * MathF.PI * 28 / 29), MathF.Cos(2 * MathF.PI * 28 / 29),
            0, 1,
        ];
        Assert.Equal(expected, features);
    }

    [Fact]
    public void Known_TheTrainingToolsFeatureNames_MapToTheirFeatures()
    {
        Assert.Equal(Enum.GetValues<DemandFeature>(), DemandFeatures.Known.Values.Order());
        Assert.Equal(DemandFeature.DaysSinceSale, DemandFeatures.Known["days since the last day with sales, counted within the window, / window (1 when none)"]);
    }
}
