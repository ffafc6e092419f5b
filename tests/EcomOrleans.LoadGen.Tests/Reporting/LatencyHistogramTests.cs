using EcomOrleans.LoadGen.Reporting;

namespace EcomOrleans.LoadGen.Tests.Reporting;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void PercentileMs_KnownLatencies_ComeFromTheHdrHistogram()
    {
        var histogram = new LatencyHistogram();
        // 900 requests of 1 ms and 100 of 2 ms: both below 2,048 µs, where 3 significant digits are exact.
        for (var i = 0; i < 900; i++)
        {
            histogram.Record(TimeSpan.FromMilliseconds(1));
        }

        for (var i = 0; i < 100; i++)
        {
            histogram.Record(TimeSpan.FromMilliseconds(2));
        }

        Assert.Equal(1000, histogram.Count);
        Assert.Equal(1.0, histogram.PercentileMs(50));
        Assert.Equal(1.0, histogram.PercentileMs(90));
        Assert.Equal(2.0, histogram.PercentileMs(99));
        Assert.Equal(2.0, histogram.PercentileMs(99.9));
        Assert.Equal(2.0, histogram.MaxMs);
        Assert.Equal(1.1, histogram.MeanMs, precision: 6);
    }

    [Fact]
    public void PercentileMs_LargeLatency_IsWithinTheHistogramsPrecision()
    {
        var histogram = new LatencyHistogram();

        histogram.Record(TimeSpan.FromMilliseconds(1234.567));

        // 3 significant digits: within 0.1% of the value.
        Assert.InRange(histogram.PercentileMs(50), 1234.567 * 0.999, 1234.567 * 1.001);
    }

    [Fact]
    public void Add_TwoSendersHistograms_MergesTheirCounts()
    {
        var first = new LatencyHistogram();
        var second = new LatencyHistogram();
        first.Record(TimeSpan.FromMilliseconds(1));
        second.Record(TimeSpan.FromMilliseconds(2));
        second.Record(TimeSpan.FromMilliseconds(2));

        first.Add(second);

        Assert.Equal(3, first.Count);
        Assert.Equal(2.0, first.PercentileMs(50));
        Assert.Equal(1.0, first.PercentileMs(33));
    }

    [Fact]
    public void PercentileMs_Empty_IsZero()
    {
        Assert.Equal((0.0, 0.0), (new LatencyHistogram().PercentileMs(99), new LatencyHistogram().MaxMs));
    }
}
