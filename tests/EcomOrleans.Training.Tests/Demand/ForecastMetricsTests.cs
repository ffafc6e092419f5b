using EcomOrleans.Training.Demand;

namespace EcomOrleans.Training.Tests.Demand;

public sealed class ForecastMetricsTests
{
    [Fact]
    public void Rmsse_SmallCase_MatchesHandComputation()
    {
        // History 1 3 2 4: one-step changes 2, -1, 2 -> mean square 3.
        // Actual 2 2, forecast 1 3: mean squared error 1. RMSSE = sqrt(1 / 3).
        var rmsse = ForecastMetrics.Rmsse([2f, 2f], [1f, 3f], [1f, 3f, 2f, 4f]);

        Assert.Equal(Math.Sqrt(1.0 / 3), rmsse, 12);
    }

    [Fact]
    public void Rmsse_ConstantHistory_IsUndefined()
    {
        Assert.True(double.IsNaN(ForecastMetrics.Rmsse([1f], [1f], [5f, 5f, 5f])));
    }

    [Fact]
    public void SeasonalNaive_TwoWeekHorizon_RepeatsTheLastWeek()
    {
        float[] history = [9, 9, 1, 2, 3, 4, 5, 6, 7];

        var forecast = ForecastMetrics.SeasonalNaive(history, 9);

        Assert.Equal([1f, 2, 3, 4, 5, 6, 7, 1, 2], forecast);
    }

    [Fact]
    public void ExponentialSmoothing_StepChange_EndsNearTheNewLevel()
    {
        // A step from 0 to 10 is best followed closely (alpha near 0.99): the final level is about 10.
        var history = Enumerable.Repeat(0f, 20).Concat(Enumerable.Repeat(10f, 20)).ToArray();

        var forecast = ForecastMetrics.ExponentialSmoothing(history, 3);

        Assert.All(forecast, f => Assert.InRange(f, 9.99f, 10.0001f));
    }

    [Fact]
    public void LoadM5_MissingDays_AreFilledWithZeroUnitsAndTheLastPrice()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path,
            [
                "id,item_id,dept_id,cat_id,store_id,state_id,d,sales,date,wm_yr_wk,event_name_1,event_type_1,event_name_2,event_type_2,sell_price",
                "A_v,A,F,F,S,C,d_1,2,2016-01-01,1,,,,,1.50",
                "B_v,B,F,F,S,C,d_2,1,2016-01-02,1,SuperBowl,Sporting,,,3.00",
                "A_v,A,F,F,S,C,d_4,5,2016-01-04,1,,,,,1.75",
            ]);

            var series = M5Reader.Load(path);

            var a = series.Single(s => s.Id == "A");
            Assert.Equal([2f, 0, 0, 5], a.Units);
            Assert.Equal([1.5f, 1.5f, 1.5f, 1.75f], a.Prices);
            Assert.Equal([0f, 1, 0, 0], a.Events); // the event is a date fact, seen on B's row
            Assert.Equal([1f, 0, 0], series.Single(s => s.Id == "B").Units); // runs to the file's last date
        }
        finally
        {
            File.Delete(path);
        }
    }
}
