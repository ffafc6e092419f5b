namespace EcomOrleans.LoadGen.Datasets;

/// <summary>A real data set that can be replayed through the engine's HTTP API.</summary>
public interface IDataset
{
    DatasetProfile Profile { get; }

    /// <summary>The files it reads, relative to the data directory.</summary>
    IReadOnlyList<string> Files { get; }

    /// <summary>Reads the files under <paramref name="dataDirectory"/> and turns them into a replay script.</summary>
    /// <exception cref="FileNotFoundException">A file of <see cref="Files"/> is missing.</exception>
    ReplayScript Load(string dataDirectory, ScriptOptions options);
}
