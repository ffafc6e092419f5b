using EcomOrleans.Grains.Storage;
using EcomOrleans.Insights;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace EcomOrleans.Grains.Insights;

/// <summary>
/// One shard of search demand. Counts are at-least-once: a batch re-sent after a failed user write
/// is counted again, which insights tolerate (they rank queries, they do not bill them).
/// </summary>
[Reentrant]
[GrainType("search-demand")]
public sealed class SearchDemandGrain : Grain, ISearchDemandGrain
{
    private readonly IPersistentState<SearchDemandState> _state;
    private readonly SearchDemandOptions _options;
    private readonly StateWriteCoalescer _writer;

    public SearchDemandGrain(
        [PersistentState(StorageNames.SearchDemandState, StorageNames.Provider)] IPersistentState<SearchDemandState> state,
        IOptions<SearchDemandOptions> options)
    {
        _state = state;
        _options = options.Value;
        _writer = new StateWriteCoalescer(() => _state.WriteStateAsync());
    }

    public Task RecordSearchesAsync(IReadOnlyList<SearchObserved> searches)
    {
        var queries = _state.State.Queries;
        foreach (var search in searches)
        {
            if (!queries.TryGetValue(search.Query, out var entry))
            {
                entry = new SearchQueryState();
                queries[search.Query] = entry;
            }

            entry.Searches++;
            if (search.Sku is null)
            {
                entry.WithoutItem++;
            }

            if (search.Timestamp > entry.LastSeen)
            {
                entry.LastSeen = search.Timestamp;
            }
        }

        while (queries.Count > _options.MaxQueriesPerShard)
        {
            var weakest = queries.MinBy(q => (q.Value.Searches, q.Value.LastSeen));
            queries.Remove(weakest.Key);
        }

        return _writer.FlushAsync();
    }

    public Task<IReadOnlyList<SearchQueryCount>> GetTopAsync(int count)
    {
        IReadOnlyList<SearchQueryCount> top = _state.State.Queries
            .OrderByDescending(q => q.Value.Searches)
            .ThenBy(q => q.Key, StringComparer.Ordinal)
            .Take(Math.Max(0, count))
            .Select(q => new SearchQueryCount(q.Key, q.Value.Searches, q.Value.WithoutItem, q.Value.LastSeen))
            .ToList();
        return Task.FromResult(top);
    }
}
