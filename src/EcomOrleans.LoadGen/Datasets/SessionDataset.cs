namespace EcomOrleans.LoadGen.Datasets;

/// <summary>A session data set (YooChoose, DIGINETICA, OTTO): interactions with their real times, read from one or more files.</summary>
public sealed class SessionDataset(DatasetProfile profile, IReadOnlyList<string> files, Func<TextReader, List<RecordedInteraction>> read) : IDataset
{
    public DatasetProfile Profile { get; } = profile;

    public IReadOnlyList<string> Files { get; } = files;

    public ReplayScript Load(string dataDirectory, ScriptOptions options)
    {
        var interactions = new List<RecordedInteraction>();
        foreach (var file in Files)
        {
            using var reader = DataFiles.OpenText(dataDirectory, file, Profile.Name);
            interactions.AddRange(read(reader));
        }

        var demand = interactions
            .GroupBy(i => i.Item)
            .Select(g => new ItemDemand(g.Key, g.Count(), g.Count(i => i.Kind == RecordedKind.Order)))
            .ToArray();
        var catalog = CatalogBuilder.Build(Profile, demand, ItemAttributes.Empty, options.Seed);
        var events = SessionTimeline.Build(Profile, interactions, catalog, options);
        return ScriptAssembler.Assemble(Profile.Name, events, catalog, options);
    }
}
