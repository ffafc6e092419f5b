using EcomOrleans.LoadGen.Replay;

namespace EcomOrleans.LoadGen.Commands;

/// <summary>The parsed options of <c>ceiling</c>; the data set options mean what they mean for <c>replay</c>.</summary>
/// <param name="Settings">Batch size and lanes; the rate is always 0 (as fast as the grains take them).</param>
/// <param name="Redis">Redis connection string for grain state; null keeps it in memory.</param>
/// <param name="Recommendations">Recommendations asked for after the replay, to count their grain calls; 0 asks none.</param>
/// <param name="OverlapSearchIndex">
/// Replay the events while the catalog's search index still embeds the titles in the background, instead of
/// embedding them all first (a silo's start-up cost, not ingestion's).
/// </param>
/// <param name="AllocationTypes">With <paramref name="Recommendations"/>, list the types their allocations went to.</param>
public sealed record CeilingOptions(
    string Dataset,
    string DataDirectory,
    ReplaySettings Settings,
    int? Limit,
    int Seed,
    TimeSpan SyntheticSpan,
    string? Redis,
    bool Json,
    int Recommendations = 0,
    bool OverlapSearchIndex = false,
    bool AllocationTypes = false);
