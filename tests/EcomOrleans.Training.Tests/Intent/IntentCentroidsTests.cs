using EcomOrleans.Models.Intent;
using EcomOrleans.Training.Intent;

namespace EcomOrleans.Training.Tests.Intent;

public sealed class IntentCentroidsTests
{
    [Fact]
    public void Compute_MeanOfEachIntentsRowsAtUnitLength_ZerosForAnIntentWithout()
    {
        const int d = SentenceEncoderContract.Dimension;
        var rows = new float[3 * d];
        rows[0] = 1f;          // intent 0: (1, 0, ...)
        rows[d + 1] = 1f;      // intent 0: (0, 1, ...)
        rows[(2 * d) + 2] = 1f; // intent 1: (0, 0, 1, ...)

        var centroids = IntentCentroids.Compute(rows, [0, 0, 1], labels: 3);

        Assert.Equal((0.7071f, 0.7071f, 0f), (MathF.Round(centroids[0], 4), MathF.Round(centroids[1], 4), centroids[2]));
        Assert.Equal(1f, centroids[d + 2]);
        Assert.All(centroids.AsSpan(2 * d, d).ToArray(), v => Assert.Equal(0f, v));
    }
}
