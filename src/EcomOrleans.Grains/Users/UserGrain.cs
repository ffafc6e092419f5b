using EcomOrleans.Events;
using EcomOrleans.Grains.Common;
using EcomOrleans.Grains.Recommendations;
using EcomOrleans.Grains.Storage;
using EcomOrleans.Insights;
using EcomOrleans.Skus;
using EcomOrleans.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Grains.Users;

/// <summary>
/// One shopper. The authority for idempotency: an event is new here or it is a duplicate. New item
/// events go to their SKU grains before this grain writes its own state, so a failure anywhere leaves
/// the events unacknowledged and a retry re-sends them (SKU grains drop what they already counted).
/// </summary>
[GrainType("user")]
public sealed partial class UserGrain(
    [PersistentState(StorageNames.UserState, StorageNames.Provider)] IPersistentState<UserState> state,
    IOptions<UserGrainOptions> options,
    IOptions<RecommendationOptions> recommendationOptions,
    TimeProvider time,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    private readonly UserGrainOptions _options = options.Value;
    private readonly RecommendationOptions _recommendations = recommendationOptions.Value;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    private UserState State => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _seen.UnionWith(State.SeenEventIds);
        return Task.CompletedTask;
    }

    public async Task<IngestResult> RecordEventsAsync(IReadOnlyList<BehaviorEvent> events)
    {
        var userId = this.GetPrimaryKeyString();
        var fresh = new List<BehaviorEvent>(events.Count);
        var inBatch = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (!string.Equals(e.UserId, userId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Event '{e.EventId}' belongs to user '{e.UserId}', not '{userId}'.", nameof(events));
            }

            if (!_seen.Contains(e.EventId) && inBatch.Add(e.EventId))
            {
                fresh.Add(e);
            }
        }

        var duplicates = events.Count - fresh.Count;
        if (fresh.Count == 0)
        {
            return new IngestResult(0, duplicates);
        }

        var categories = await ForwardAsync(fresh);
        foreach (var e in fresh)
        {
            Apply(e, e.Sku is null ? null : categories.GetValueOrDefault(e.Sku));
        }

        Attribute(fresh);
        if (fresh.Any(IsItemEvent))
        {
            State.EmbeddingStale = true;
            ScheduleEmbeddingRefresh();
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            // The in-memory state is ahead of storage now; reload it on the next call.
            LogWriteFailed(logger, ex, userId);
            DeactivateOnIdle();
            throw;
        }

        return new IngestResult(fresh.Count, duplicates);
    }

    public Task<UserProfile?> GetProfileAsync()
    {
        if (State.TotalEvents == 0)
        {
            return Task.FromResult<UserProfile?>(null);
        }

        var now = time.GetUtcNow();
        var affinities = State.Affinities
            .Select(a => new CategoryAffinity(a.Category, DecayedScore.At(a.Score, a.AsOf, now, _options.AffinityHalfLife)))
            .OrderByDescending(a => a.Score)
            .ToList();
        return Task.FromResult<UserProfile?>(new UserProfile(
            this.GetPrimaryKeyString(),
            State.TotalEvents,
            State.FirstSeen,
            State.LastSeen,
            [.. State.Recent],
            [.. State.Sessions.OrderByDescending(s => s.LastSeen)],
            affinities,
            State.Embedding is null ? null : State.EmbeddingModelVersion,
            State.EmbeddingStale));
    }

    public async Task ForgetAsync()
    {
        await state.ClearStateAsync();
        _seen.Clear();
        DeactivateOnIdle();
        LogForgotten(logger, this.GetPrimaryKeyString());
    }

    private async Task<Dictionary<string, string?>> ForwardAsync(List<BehaviorEvent> fresh)
    {
        var coViews = CoViewsOf(fresh);
        var skuCalls = fresh
            .Where(e => e.Sku is not null && e.Kind != EventKind.Search)
            .GroupBy(e => e.Sku!, StringComparer.Ordinal)
            .Select(g => GrainFactory.GetGrain<ISkuGrain>(g.Key).ApplyEventsAsync(g.ToList(), coViews.GetValueOrDefault(g.Key) ?? []))
            .ToList();
        var searchCalls = fresh
            .Where(e => e.Kind == EventKind.Search && e.Query is not null)
            .GroupBy(e => SearchDemandShards.KeyFor(e.Query!), StringComparer.Ordinal)
            .Select(g => GrainFactory.GetGrain<ISearchDemandGrain>(g.Key)
                .RecordSearchesAsync(g.Select(e => new SearchObserved(e.Query!, e.Sku, e.Timestamp)).ToList()))
            .ToList();

        await Task.WhenAll(searchCalls);
        var applied = await Task.WhenAll(skuCalls);
        return applied.ToDictionary(a => a.Sku, a => a.Category, StringComparer.Ordinal);
    }

    private void Apply(BehaviorEvent e, string? category)
    {
        if (State.TotalEvents == 0 || e.Timestamp < State.FirstSeen)
        {
            State.FirstSeen = e.Timestamp;
        }

        if (e.Timestamp > State.LastSeen)
        {
            State.LastSeen = e.Timestamp;
        }

        State.TotalEvents++;
        Remember(e.EventId);
        AppendToSequence(e);
        TouchSession(e);
        if (category is not null)
        {
            AddAffinity(category, DecayedScore.WeightOf(e.Kind), e.Timestamp);
        }
    }

    private void Remember(string eventId)
    {
        _seen.Add(eventId);
        State.SeenEventIds.Add(eventId);
        if (State.SeenEventIds.Count > _options.DedupWindow)
        {
            var dropped = State.SeenEventIds.Count - _options.DedupWindow;
            foreach (var old in State.SeenEventIds.Take(dropped))
            {
                _seen.Remove(old);
            }

            State.SeenEventIds.RemoveRange(0, dropped);
        }
    }

    private void AppendToSequence(BehaviorEvent e)
    {
        // Keep the sequence in event-time order; a late event slots in where it happened.
        var recent = State.Recent;
        var index = recent.Count;
        while (index > 0 && recent[index - 1].Timestamp > e.Timestamp)
        {
            index--;
        }

        recent.Insert(index, e);
        if (recent.Count > _options.SequenceLength)
        {
            recent.RemoveRange(0, recent.Count - _options.SequenceLength);
        }
    }

    private void TouchSession(BehaviorEvent e)
    {
        var sessions = State.Sessions;
        var index = sessions.FindIndex(s => s.SessionId == e.SessionId);
        if (index >= 0)
        {
            var s = sessions[index];
            sessions[index] = s with
            {
                Started = e.Timestamp < s.Started ? e.Timestamp : s.Started,
                LastSeen = e.Timestamp > s.LastSeen ? e.Timestamp : s.LastSeen,
                Events = s.Events + 1,
            };
            return;
        }

        sessions.Add(new SessionSummary(e.SessionId, e.Timestamp, e.Timestamp, 1));
        if (sessions.Count > _options.MaxSessions)
        {
            sessions.Remove(sessions.MinBy(s => s.LastSeen)!);
        }
    }

    private void AddAffinity(string category, double weight, DateTimeOffset at)
    {
        if (weight <= 0)
        {
            return;
        }

        var entry = State.Affinities.Find(a => a.Category == category);
        if (entry is null)
        {
            entry = new AffinityState { Category = category, AsOf = at };
            State.Affinities.Add(entry);
        }

        (entry.Score, entry.AsOf) = DecayedScore.Add(entry.Score, entry.AsOf, weight, at, _options.AffinityHalfLife);
        if (State.Affinities.Count > _options.MaxCategories)
        {
            var now = State.LastSeen;
            State.Affinities.Remove(State.Affinities.MinBy(a => DecayedScore.At(a.Score, a.AsOf, now, _options.AffinityHalfLife))!);
        }
    }
}
