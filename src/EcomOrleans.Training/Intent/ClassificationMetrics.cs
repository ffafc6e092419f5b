namespace EcomOrleans.Training.Intent;

/// <summary>Accuracy, per-class F1, macro-F1 and the confusion matrix of a labelled prediction set.</summary>
internal sealed record ClassificationMetrics(double Accuracy, double MacroF1, double[] F1, int[,] Confusion)
{
    /// <param name="truth">True class per example.</param>
    /// <param name="predicted">Predicted class per example.</param>
    /// <param name="classes">Number of classes; a class with no example and no prediction has F1 0 and still counts in the macro mean.</param>
    public static ClassificationMetrics Compute(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classes)
    {
        var confusion = new int[classes, classes];
        for (var i = 0; i < truth.Count; i++)
        {
            confusion[truth[i], predicted[i]]++;
        }

        var f1 = new double[classes];
        var correct = 0;
        for (var c = 0; c < classes; c++)
        {
            var truePositive = confusion[c, c];
            var actual = Enumerable.Range(0, classes).Sum(p => confusion[c, p]);
            var claimed = Enumerable.Range(0, classes).Sum(t => confusion[t, c]);
            f1[c] = actual + claimed == 0 ? 0 : 2.0 * truePositive / (actual + claimed);
            correct += truePositive;
        }

        return new ClassificationMetrics((double)correct / truth.Count, f1.Average(), f1, confusion);
    }
}
