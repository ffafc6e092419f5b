using ScottPlot;

namespace EcomOrleans.Training.Demand;

/// <summary>Forecast against actual over the backtest year for one series: the served blend's mean and p10-p90 band, and what sold.</summary>
internal static class BacktestPlot
{
    public static void Save(BacktestResult result, string seriesId, string path)
    {
        var windows = result.Windows.Where(w => w.Series == seriesId).OrderBy(w => w.Origin).ToArray();
        var first = windows[0].Origin;
        var days = windows.SelectMany(w => Enumerable.Range(w.Origin - first, w.Actual.Length).Select(d => (double)d)).ToArray();
        var served = windows.Select(w => result.Chosen[w].Combine(w.Model, w.Seasonal)).ToArray();
        double[] Values(Func<Merchandising.Forecasting.QuantileForecast, float[]> channel) =>
            [.. served.SelectMany(f => channel(f).Select(v => (double)v))];

        var plot = new Plot();
        var band = plot.Add.FillY(days, Values(f => f.P10), Values(f => f.P90));
        band.LegendText = "served p10-p90";
        band.FillStyle.Color = Colors.SteelBlue.WithAlpha(0.25);
        band.LineStyle.Width = 0;
        var mean = plot.Add.Scatter(days, Values(f => f.Mean));
        mean.LegendText = "served forecast (mean)";
        mean.MarkerSize = 0;
        mean.Color = Colors.SteelBlue;
        var actual = plot.Add.Scatter(days, [.. windows.SelectMany(w => w.Actual.Select(v => (double)v))]);
        actual.LegendText = "units sold";
        actual.LineWidth = 0;
        actual.MarkerSize = 4;
        actual.Color = Colors.Black;
        var smoothing = plot.Add.Scatter(days, [.. windows.SelectMany(w => w.Smoothing.Mean.Select(v => (double)v))]);
        smoothing.LegendText = "exp. smoothing";
        smoothing.MarkerSize = 0;
        smoothing.LinePattern = LinePattern.Dotted;
        smoothing.Color = Colors.Gray;
        plot.Axes.Bottom.Label.Text = "day of the backtest year (a new 14-day forecast every 14 days)";
        plot.Axes.Left.Label.Text = "units per day";
        plot.Title($"{seriesId}: forecast against actual, rolling origins");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 1100, 450);
    }
}
