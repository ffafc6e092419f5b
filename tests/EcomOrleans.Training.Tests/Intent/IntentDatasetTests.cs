using EcomOrleans.Training.Intent;

namespace EcomOrleans.Training.Tests.Intent;

public sealed class IntentDatasetTests
{
    [Fact]
    public void Parse_QuotedFieldsWithCommasAndQuotes_KeepsTheUtteranceWhole()
    {
        var data = IntentDataset.Parse("\uFEFFflags,utterance,category,intent\nB,\"hi, I need \"\"help\"\"\",ORDER,cancel_order\r\nB,plain text,ORDER,place_order\n");

        Assert.Equal([new LabelledUtterance("hi, I need \"help\"", "cancel_order", "B"), new LabelledUtterance("plain text", "place_order", "B")], data.Rows);
        Assert.Equal(["cancel_order", "place_order"], data.Labels);
    }

    [Fact]
    public void Split_Stratified_HoldsOutTheFractionOfEveryIntent()
    {
        var rows = Enumerable.Range(0, 100).Select(i => new LabelledUtterance($"a{i}", "a"))
            .Concat(Enumerable.Range(0, 10).Select(i => new LabelledUtterance($"b{i}", "b")))
            .ToList();

        var (kept, heldOut) = IntentDataset.Split(rows, 0.2, seed: 42);

        Assert.Equal(20, heldOut.Count(r => r.Intent == "a"));
        Assert.Equal(2, heldOut.Count(r => r.Intent == "b"));
        Assert.Empty(kept.Intersect(heldOut));
        Assert.Equal(heldOut, IntentDataset.Split(rows, 0.2, seed: 42).HeldOut); // same seed, same split
    }

    [Fact]
    public void ClassificationMetrics_SmallCase_MatchesHandComputation()
    {
        // truth 0 0 1 1 2, predicted 0 1 1 1 0:
        // class 0: tp 1, actual 2, claimed 2 -> F1 0.5; class 1: tp 2, actual 2, claimed 3 -> 0.8; class 2: 0.
        var metrics = ClassificationMetrics.Compute([0, 0, 1, 1, 2], [0, 1, 1, 1, 0], 3);

        Assert.Equal(0.6, metrics.Accuracy, 12);
        Assert.Equal((0.5 + 0.8 + 0) / 3, metrics.MacroF1, 12);
        Assert.Equal(1, metrics.Confusion[2, 0]);
    }
}
