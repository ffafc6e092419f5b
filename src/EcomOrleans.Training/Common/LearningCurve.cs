using EcomOrleans.Models;
using ScottPlot;

namespace EcomOrleans.Training.Common;

/// <summary>Per-epoch training loss and a validation metric, drawn as learning-curve.png beside the model.</summary>
internal sealed class LearningCurve(string validationName)
{
    private readonly List<double> _loss = [];
    private readonly List<double> _validation = [];

    public IReadOnlyList<double> Loss => _loss;

    public IReadOnlyList<double> Validation => _validation;

    public string ValidationName => validationName;

    public void Add(double loss, double validation)
    {
        _loss.Add(loss);
        _validation.Add(validation);
    }

    public void Save(string directory, string title) => Save([this], directory, title);

    /// <summary>
    /// Draws several runs of the same kind (the members of an ensemble) in one picture: each
    /// run's training loss on the left axis and its validation metric on the right.
    /// </summary>
    public static void Save(IReadOnlyList<LearningCurve> runs, string directory, string title)
    {
        ArgumentOutOfRangeException.ThrowIfZero(runs.Count);
        var plot = new Plot();
        for (var r = 0; r < runs.Count; r++)
        {
            var run = runs[r];
            var label = runs.Count == 1 ? "" : $"member {r + 1} ";
            var epochs = Enumerable.Range(1, run._loss.Count).Select(e => (double)e).ToArray();
            var loss = plot.Add.Scatter(epochs, run._loss.ToArray());
            loss.LegendText = label + "training loss";
            if (run._validation.All(double.IsNaN))
            {
                continue; // a run without validation (its validation data was trained on)
            }

            var validation = plot.Add.Scatter(epochs, run._validation.ToArray());
            validation.LegendText = label + run.ValidationName;
            validation.Axes.YAxis = plot.Axes.Right;
            if (runs.Count > 1)
            {
                loss.LinePattern = LinePattern.Dotted;
                validation.Color = loss.Color;
            }
        }

        plot.Axes.Right.Label.Text = runs[0].ValidationName;
        plot.Axes.Left.Label.Text = "training loss";
        plot.Axes.Bottom.Label.Text = "epoch";
        plot.Title(title);
        if (runs.Count == 1)
        {
            plot.ShowLegend(Alignment.UpperCenter);
            plot.SavePng(Path.Combine(directory, ModelFileNames.LearningCurve), 800, 450);
        }
        else
        {
            plot.ShowLegend(Edge.Right);
            plot.SavePng(Path.Combine(directory, ModelFileNames.LearningCurve), 1100, 450);
        }
    }
}
