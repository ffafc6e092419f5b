using ScottPlot;

namespace EcomOrleans.Training.Common;

/// <summary>Per-epoch training loss and a validation metric, drawn as learning-curve.png beside the model.</summary>
internal sealed class LearningCurve(string validationName)
{
    public const string FileName = "learning-curve.png";

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

    public void Save(string directory, string title)
    {
        var plot = new Plot();
        var epochs = Enumerable.Range(1, _loss.Count).Select(e => (double)e).ToArray();
        var loss = plot.Add.Scatter(epochs, _loss.ToArray());
        loss.LegendText = "training loss";
        var validation = plot.Add.Scatter(epochs, _validation.ToArray());
        validation.LegendText = validationName;
        validation.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = validationName;
        plot.Axes.Left.Label.Text = "training loss";
        plot.Axes.Bottom.Label.Text = "epoch";
        plot.Title(title);
        plot.ShowLegend(Alignment.UpperCenter);
        plot.SavePng(Path.Combine(directory, FileName), 800, 450);
    }
}
