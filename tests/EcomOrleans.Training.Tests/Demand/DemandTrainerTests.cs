using EcomOrleans.Models.Demand;
using EcomOrleans.Training.Demand;

namespace EcomOrleans.Training.Tests.Demand;

public sealed class DemandTrainerTests
{
    [Fact]
    public void RmsseScales_SmallCase_AreTheRootMeanSquaredChangesSinceTheFirstSaleBeforeEachOrigin()
    {
        // Units 0 0 1 3 1 2: the first sale is day 2; changes from it: +2 (day 3), -2 (day 4), +1 (day 5).
        float[] units = [0, 0, 1, 3, 1, 2];
        var series = new DemandSeries("s", new DateOnly(2016, 1, 1), units, new float[units.Length], new float[units.Length]);

        var scales = DemandTrainer.RmsseScales([(series, 3), (series, 5), (series, 6)]).data<float>().ToArray();

        // Origin 3 sees days 0..2: no change since the first sale yet, so the floor.
        // Origin 5 sees days 0..4: changes +2, -2 -> sqrt(8 / 2) = 2. Origin 6 adds +1 -> sqrt(9 / 3).
        Assert.Equal([(float)DemandTrainer.MinRmsseScale, 2f, MathF.Sqrt(3f)], scales);
    }

    [Fact]
    public void Loss_ErrorsDividedByTheScale_ShrinkAsTheScaleGrows()
    {
        // One window, one horizon day per channel set: mean 4, quantiles all 4, actual 2, all in units.
        var prediction = TorchSharp.torch.full([1, DemandModelShape.Horizon, 4], 4f);
        var target = TorchSharp.torch.full([1, DemandModelShape.Horizon], 2f);

        var atOne = DemandTrainer.Loss(prediction, target, TorchSharp.torch.full([1, 1], 1f)).item<float>();
        var atTwo = DemandTrainer.Loss(prediction, target, TorchSharp.torch.full([1, 1], 2f)).item<float>();

        // Scale 1: squared error 4, pinball (y - q = -2) 0.9*2 + 0.5*2 + 0.1*2 = 3 -> 7. Scale 2: 1 + 1.5.
        Assert.Equal(7f, atOne, 5);
        Assert.Equal(2.5f, atTwo, 5);
    }
}
