namespace EcomOrleans.LoadGen.Datasets;

/// <summary>A review data set (Amazon Beauty or Sports): each user's reviewed items in order, optionally item attributes.</summary>
public sealed class ReviewDataset(
    DatasetProfile profile, string sequenceFile, string? attributesFile, Func<TextReader, List<UserSequence>> read) : IDataset
{
    public DatasetProfile Profile { get; } = profile;

    public IReadOnlyList<string> Files { get; } = attributesFile is null ? [sequenceFile] : [sequenceFile, attributesFile];

    public ReplayScript Load(string dataDirectory, ScriptOptions options)
    {
        List<UserSequence> users;
        using (var reader = DataFiles.OpenText(dataDirectory, sequenceFile, Profile.Name))
        {
            users = read(reader);
        }

        var attributes = ItemAttributes.Empty;
        if (attributesFile is not null)
        {
            using var json = File.OpenRead(DataFiles.PathOf(dataDirectory, attributesFile, Profile.Name));
            attributes = ItemAttributes.Read(json, Profile.Prefix);
        }

        // Every review is a purchase, so an item's interactions and purchases are both its review count.
        var demand = users.SelectMany(u => u.Items)
            .CountBy(item => item)
            .Select(pair => new ItemDemand(pair.Key, pair.Value, pair.Value))
            .ToArray();
        var catalog = CatalogBuilder.Build(Profile, demand, attributes, options.Seed);
        var events = ReviewTimeline.Build(Profile, users, catalog, options);
        return ScriptAssembler.Assemble(Profile.Name, events, catalog, options);
    }
}
