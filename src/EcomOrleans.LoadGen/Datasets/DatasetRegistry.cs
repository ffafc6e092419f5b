namespace EcomOrleans.LoadGen.Datasets;

/// <summary>The data sets <c>replay</c> knows, by their <c>--dataset</c> name. Paths are relative to the shared data folder.</summary>
public static class DatasetRegistry
{
    public static IReadOnlyList<IDataset> All { get; } =
    [
        new ReviewDataset(
            new DatasetProfile("beauty", "beauty", "Beauty", MedianPrice: 15, PriceSigma: 0.6),
            "amazon-beauty/beauty-s3rec.txt", "amazon-beauty/beauty-item2attributes.json", S3RecReader.Read),
        new ReviewDataset(
            new DatasetProfile("sports", "sports", "Sports", MedianPrice: 25, PriceSigma: 0.7),
            "amazon-sports/sports-s3rec.txt", "amazon-sports/sports-item2attributes.json", S3RecReader.Read),
        // BERT4Rec numbers its items differently from S3-Rec, so beauty-item2attributes.json does not apply.
        new ReviewDataset(
            new DatasetProfile("beauty-bert4rec", "b4r", "Beauty", MedianPrice: 15, PriceSigma: 0.6),
            "amazon-beauty/beauty-bert4rec.txt", attributesFile: null, PairSequenceReader.Read),
        new SessionDataset(
            new DatasetProfile("yoochoose", "yc", "Shop", MedianPrice: 20, PriceSigma: 0.8),
            ["sessions/yoochoose-clicks-100k_train_full.txt", "sessions/yoochoose-clicks-100k_test.txt"], YooChooseReader.Read),
        new SessionDataset(
            new DatasetProfile("diginetica", "dg", "Shop", MedianPrice: 20, PriceSigma: 0.8),
            ["sessions/diginetica-sample-item-views.csv"], DigineticaReader.Read),
        new SessionDataset(
            new DatasetProfile("otto", "otto", "OTTO", MedianPrice: 30, PriceSigma: 0.8),
            ["sessions/otto-sample.jsonl"], OttoReader.Read),
    ];

    public static IEnumerable<string> Names => All.Select(d => d.Profile.Name);

    public static IDataset Get(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Profile.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown data set '{name}'. Known: {string.Join(", ", Names)}.", nameof(name));
}
