using EcomOrleans.Merchandising.Forecasting;

namespace EcomOrleans.Merchandising.Tests.Forecasting;

public sealed class ForecastScoresTests
{
    [Fact]
    public void Rmsse_SmallCase_MatchesHandComputation()
    {
        // History 1 3 2 4: one-step changes 2, -1, 2 -> mean square 3.
        // Actual 2 2, forecast 1 3: mean squared error 1. RMSSE = sqrt(1 / 3).
        var rmsse = ForecastScores.Rmsse([2f, 2f], [1f, 3f], [1f, 3f, 2f, 4f]);

        Assert.Equal(Math.Sqrt(1.0 / 3), rmsse, 12);
    }

    [Fact]
    public void Rmsse_ConstantHistory_IsUndefined() => Assert.True(double.IsNaN(ForecastScores.Rmsse([1f], [1f], [5f, 5f, 5f])));

    [Fact]
    public void ScaledPinball_SmallCase_MatchesHandComputation()
    {
        // History 1 3 2 4: mean absolute change (2 + 1 + 2) / 3 = 5/3.
        // Day 0, actual 4: p10 2 -> 0.1 * 2 = 0.2; p50 3 -> 0.5 * 1 = 0.5; p90 5 -> 0.1 * 1 = 0.1.
        // Day 1, actual 0: p10 1 -> 0.9 * 1 = 0.9; p50 2 -> 0.5 * 2 = 1.0; p90 3 -> 0.1 * 3 = 0.3.
        // Mean over 6 terms: 3.0 / 6 = 0.5; scaled: 0.5 / (5/3) = 0.3.
        var forecast = new QuantileForecast([3f, 2f], [2f, 1f], [3f, 2f], [5f, 3f]);

        var loss = ForecastScores.ScaledPinball([4f, 0f], forecast, [1f, 3f, 2f, 4f]);

        Assert.Equal(0.3, loss, 12);
    }

    [Fact]
    public void Coverage_CountsDaysAtOrUnderTheUpperQuantile() => Assert.Equal(0.75, ForecastScores.Coverage([1f, 2f, 3f, 9f], [1f, 5f, 3f, 8f]));
}
