using EcomOrleans.Training.Demand;
using EcomOrleans.Training.Intent;
using EcomOrleans.Training.Sequence;

namespace EcomOrleans.Training.Tests;

/// <summary>The loaders read the shared data sets to the sizes data/README.md states.</summary>
public sealed class DataSetTests
{
    [SkippableFact]
    public void SequenceDataset_BeautyS3Rec_HasThePublishedSize()
    {
        var data = SequenceDataset.Load(TestPaths.RequireData("amazon-beauty/beauty-s3rec.txt"));

        Assert.Equal((22_363, 12_101, 198_502), (data.Sequences.Count, data.ItemCount, data.EventCount));
    }

    [SkippableFact]
    public void SequenceDataset_BeautyBert4RecPairs_HasThePublishedSize()
    {
        var data = SequenceDataset.Load(TestPaths.RequireData("amazon-beauty/beauty-bert4rec.txt"));

        Assert.Equal((40_226, 54_542, 353_962), (data.Sequences.Count, data.ItemCount, data.EventCount));
    }

    [SkippableFact]
    public void IntentDataset_Bitext_Has27Intents()
    {
        var data = IntentDataset.Load(TestPaths.RequireData("intents/bitext-20k.csv"));

        Assert.Equal((21_534, 27), (data.Rows.Count, data.Labels.Count));
    }

    [SkippableFact]
    public void LoadM5_Sample_FillsEverySeriesToTheLastDate()
    {
        var series = M5Reader.Load(TestPaths.RequireData("m5-sample/m5-foods3-ca1.csv"));

        Assert.Equal(7, series.Count);
        Assert.All(series, s => Assert.Equal(new DateOnly(2016, 4, 24), s.DateAt(s.Length - 1)));
        Assert.Equal(1913, series.Single(s => s.Id == "FOODS_3_001").Length); // 2011-01-29 .. 2016-04-24
    }
}
