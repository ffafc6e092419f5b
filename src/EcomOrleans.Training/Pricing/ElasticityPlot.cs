using ScottPlot;

namespace EcomOrleans.Training.Pricing;

/// <summary>Each brand's elasticity with its 90 % interval, plain OLS beside the estimator with the feature, and the pooled slope.</summary>
internal static class ElasticityPlot
{
    public static void Save(ElasticityReport report, string path)
    {
        var plot = new Plot();
        var pooled = report.Coefficients.Single(c => c.Section == "pooled");
        var line = plot.Add.HorizontalLine(pooled.Elasticity);
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = $"pooled, one slope ({pooled.Elasticity:F2})";
        (string Model, string Legend, double Offset)[] series =
        [
            ("own OLS, no controls", "own OLS, no controls", -0.15),
            ("own OLS + feature", "own OLS + feature (estimator default)", 0.15),
        ];
        foreach (var (model, legend, offset) in series)
        {
            var rows = OjReader.Brands.Select(b => report.Coefficients.Single(c => c.Section == "estimator" && c.Model == model && c.Brand == b)).ToArray();
            var xs = rows.Select((_, i) => i + offset).ToArray();
            var ys = rows.Select(r => r.Elasticity).ToArray();
            var bars = plot.Add.ErrorBar(xs, ys, [.. rows.Select(r => r.Upper - r.Elasticity)]);
            var points = plot.Add.ScatterPoints(xs, ys);
            points.LegendText = legend;
            bars.Color = points.Color;
        }

        plot.Axes.Bottom.SetTicks([.. OjReader.Brands.Select((_, i) => (double)i)], [.. OjReader.Brands]);
        plot.Axes.Left.Label.Text = "price elasticity (90 % interval)";
        plot.Title($"Orange juice price elasticity by brand ({report.Rows} store-weeks)");
        plot.ShowLegend(Alignment.LowerRight);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        plot.SavePng(path, 800, 450);
    }
}
