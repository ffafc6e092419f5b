using EcomOrleans.LoadGen.Replay;

namespace EcomOrleans.LoadGen.Commands;

/// <summary>The parsed options of <c>replay</c>.</summary>
/// <param name="DataDirectory">The shared data folder. Default <c>$ECOM_DATA_DIR</c>, else <c>../shared/data</c>.</param>
/// <param name="EngineUrl">The engine's base address. Default <c>http://127.0.0.1:5080</c>.</param>
/// <param name="ApiKey">Sent as <c>X-Api-Key</c>. Default <c>$ECOM_API_KEY</c>.</param>
/// <param name="Limit">Replay only the first events in time order; null replays all.</param>
/// <param name="SyntheticSpan">How far back synthetic timelines reach. Default 28 days.</param>
/// <param name="RequestTimeout">How long one HTTP attempt may take. Default 30 s.</param>
/// <param name="Live">Stamp each event with the time it is sent instead of the data set's timeline.</param>
/// <param name="Shoppers">Replay only the first this many shoppers; null replays all.</param>
/// <param name="Repeat">Send the (selected) shoppers' events again, with new ids, until <paramref name="Limit"/> events.</param>
/// <param name="CatalogOnly">PUT the (selected) catalog and send no events.</param>
public sealed record ReplayOptions(
    string Dataset,
    string DataDirectory,
    Uri EngineUrl,
    string? ApiKey,
    ReplaySettings Settings,
    int? Limit,
    int Seed,
    TimeSpan SyntheticSpan,
    TimeSpan RequestTimeout,
    bool SkipCatalog,
    bool Json,
    bool Live = false,
    int? Shoppers = null,
    bool Repeat = false,
    bool CatalogOnly = false)
{
    public const string DataDirectoryVariable = "ECOM_DATA_DIR";
    public const string ApiKeyVariable = "ECOM_API_KEY";
    public const string DefaultDataDirectory = "../shared/data";
    public const string DefaultEngineUrl = "http://127.0.0.1:5080";
}
