using EcomOrleans.Grains.Recommendations;
using EcomOrleans.Recommendations;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace EcomOrleans.Grains.Tests.Recommendations;

public sealed class RecommendationInstrumentsTests
{
    [Fact]
    public void CountItems_AddsEachReasonsItems_ARunAtATime()
    {
        // Reasons of this test only: other tests in the assembly record items at the same time.
        var first = $"first-{Guid.NewGuid():N}";
        var second = $"second-{Guid.NewGuid():N}";
        using var collector = new MetricCollector<long>(RecommendationInstruments.Items);

        RecommendationInstruments.CountItems(
        [
            new RecommendedItem("a", 1, first), new RecommendedItem("b", 1, first), new RecommendedItem("c", 1, second),
            new RecommendedItem("d", 1, second), new RecommendedItem("e", 1, second), new RecommendedItem("f", 1, first),
        ]);

        var ours = collector.GetMeasurementSnapshot()
            .Where(m => m.Tags[RecommendationInstruments.ReasonTag] is string r && (r == first || r == second))
            .Select(m => ((string)m.Tags[RecommendationInstruments.ReasonTag]!, m.Value))
            .ToList();
        Assert.Equal([(first, 2L), (second, 3L), (first, 1L)], ours);
    }
}
