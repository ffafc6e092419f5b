using EcomOrleans.Models.Demand;
using EcomOrleans.Training.Demand;
using EcomOrleans.Training.Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Tests.Demand;

public sealed class LstmForecasterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void ExportOnnx_RandomHistories_MatchTorchSharpWithin1e4(int batch)
    {
        var (model, history, scale) = Setup(batch);
        using (model)
        {
            AssertExportMatchesTorchSharp(model, model.ExportOnnx(new Dictionary<string, string>(), 1), history, scale, batch);
        }
    }

    [Fact]
    public void ExportOnnx_WithoutGateReordering_DisagreesWithTorchSharp()
    {
        // Negative control: TorchSharp's i,f,g,o gate blocks copied as they are into ONNX's i,o,f,c slots.
        var (model, history, scale) = Setup(7);
        using (model)
        {
            var (expectedMean, _) = TorchForward(model, history, scale, 7);
            using var runner = new OnnxRunner(model.ExportOnnx(new Dictionary<string, string>(), 1, reorderGates: false).ToByteArray());

            var mean = runner.Run(DemandContract.MeanOutput, Inputs(history, scale, 7)).Values;

            var worst = expectedMean.Zip(mean, (e, a) => Math.Abs(e - a)).Max();
            Assert.True(worst > 1e-2, $"without reordering the outputs still agree (largest difference {worst})");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void EnsembleExport_RandomHistories_MatchTorchSharpWithin1e4(int batch)
    {
        var (first, history, scale) = Setup(batch);
        random.manual_seed(8);
        using var ensemble = new DemandEnsemble([first, new LstmForecaster(new DemandModelOptions(Hidden: 16, Layers: 2)), new LstmForecaster(new DemandModelOptions(Hidden: 8))]);
        ensemble.eval();

        AssertExportMatchesTorchSharp(ensemble, ensemble.ExportOnnx(new Dictionary<string, string>(), 1), history, scale, batch);
    }

    [Fact]
    public void Ensemble_Forward_IsTheAverageOfItsMembers()
    {
        var (first, history, scale) = Setup(3);
        random.manual_seed(9);
        var second = new LstmForecaster(new DemandModelOptions(Hidden: 16, Layers: 2));
        second.eval();
        var (firstMean, firstQuantiles) = TorchForward(first, history, scale, 3);
        var (secondMean, secondQuantiles) = TorchForward(second, history, scale, 3);
        using var ensemble = new DemandEnsemble([first, second]);
        ensemble.eval();

        var (mean, quantiles) = TorchForward(ensemble, history, scale, 3);

        Assert.True(firstMean.Zip(secondMean, (a, b) => Math.Abs(a - b)).Max() > 1e-3, "the two members must differ for the average to be checked");
        TestInputs.AssertClose(firstMean.Zip(secondMean, (a, b) => (a + b) / 2).ToArray(), mean, 1e-5f);
        TestInputs.AssertClose(firstQuantiles.Zip(secondQuantiles, (a, b) => (a + b) / 2).ToArray(), quantiles, 1e-5f);
    }

    [Fact]
    public void Ensemble_WithoutMembers_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new DemandEnsemble([]));

        Assert.Equal("An ensemble needs at least one member. (Parameter 'members')", error.Message);
    }

    /// <summary>The exported graph, run in ONNX Runtime, gives the TorchSharp forward pass's mean and quantiles within 1e-4.</summary>
    private static void AssertExportMatchesTorchSharp(nn.Module<Tensor, Tensor, Tensor> model, ModelProto export, float[] history, float[] scale, int batch)
    {
        var (expectedMean, expectedQuantiles) = TorchForward(model, history, scale, batch);
        using var runner = new OnnxRunner(export.ToByteArray());

        var mean = runner.Run(DemandContract.MeanOutput, Inputs(history, scale, batch));
        var quantiles = runner.Run(DemandContract.QuantilesOutput, Inputs(history, scale, batch));

        Assert.Equal([batch, 14L], mean.Shape);
        Assert.Equal([batch, 14L, 3L], quantiles.Shape);
        TestInputs.AssertClose(expectedMean, mean.Values, 1e-4f);
        TestInputs.AssertClose(expectedQuantiles, quantiles.Values, 1e-4f);
    }

    private static (LstmForecaster Model, float[] History, float[] Scale) Setup(int batch)
    {
        random.manual_seed(7);
        var model = new LstmForecaster(new DemandModelOptions(Hidden: 16, Layers: 2));
        model.eval();
        var rng = new Random(batch);
        var history = Enumerable.Range(0, batch * DemandModelShape.Window * DemandModelShape.FeatureCount).Select(_ => (float)rng.NextDouble() * 2 - 1).ToArray();
        var scale = Enumerable.Range(0, batch).Select(i => 1f + i).ToArray();
        return (model, history, scale);
    }

    private static (float[] Mean, float[] Quantiles) TorchForward(nn.Module<Tensor, Tensor, Tensor> model, float[] history, float[] scale, int batch)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var output = model.forward(tensor(history, [batch, DemandModelShape.Window, DemandModelShape.FeatureCount]), tensor(scale, [batch, 1]));
        return (output.select(2, 0).contiguous().data<float>().ToArray(), output.narrow(2, 1, 3).contiguous().data<float>().ToArray());
    }

    private static (string, OnnxInput)[] Inputs(float[] history, float[] scale, int batch) =>
    [
        (DemandContract.HistoryInput, OnnxInput.Float(history, batch, DemandModelShape.Window, DemandModelShape.FeatureCount)),
        (DemandContract.ScaleInput, OnnxInput.Float(scale, batch, 1)),
    ];
}
