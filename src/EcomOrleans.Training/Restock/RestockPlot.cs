using ScottPlot;

namespace EcomOrleans.Training.Restock;

/// <summary>The policy's fill rate against its mean inventory over its service levels, with the fixed rule as one point.</summary>
internal static class RestockPlot
{
    public static void Save(RestockEvaluation evaluation, string path, string title)
    {
        var plot = new Plot();
        var curve = evaluation.Curve;
        var policy = plot.Add.Scatter(curve.Select(r => r.Total.MeanOnHand).ToArray(), curve.Select(r => 100 * r.Total.FillRate).ToArray());
        policy.LegendText = "restock policy (service level 0.5 … 0.99)";
        foreach (var run in curve)
        {
            var label = plot.Add.Text($"{run.ServiceLevel:0.###}", run.Total.MeanOnHand, 100 * run.Total.FillRate);
            label.LabelFontSize = 10;
            label.OffsetX = 4;
            label.OffsetY = 4;
        }

        var fixedRule = plot.Add.Marker(evaluation.Fixed.Total.MeanOnHand, 100 * evaluation.Fixed.Total.FillRate, MarkerShape.FilledDiamond, 12);
        fixedRule.LegendText = "fixed rule (reorder at 14 days, order 28)";
        fixedRule.Color = Colors.Red;
        plot.Axes.Bottom.Label.Text = "mean units on hand, all series (end of day)";
        plot.Axes.Left.Label.Text = "fill rate (%)";
        plot.Title(title);
        plot.ShowLegend(Alignment.LowerRight);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        plot.SavePng(path, 800, 500);
    }
}
