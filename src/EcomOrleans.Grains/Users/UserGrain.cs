using System.Diagnostics;
using EcomOrleans.Events;
using EcomOrleans.Grains.Catalog;
using EcomOrleans.Grains.Common;
using EcomOrleans.Grains.Recommendations;
using EcomOrleans.Grains.Storage;
using EcomOrleans.Inference;
using EcomOrleans.Insights;
using EcomOrleans.Recommendations;
using EcomOrleans.Skus;
using EcomOrleans.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace EcomOrleans.Grains.Users;

/// <summary>
/// One shopper. The authority for idempotency: an event is new here or it is a duplicate. New item events go to
/// their SKU grains before this grain writes its own state, so a failure anywhere leaves the events unacknowledged
/// and a retry re-sends them (SKU grains drop what they already counted). The behaviour itself lives in pure types
/// (<see cref="BehaviorSequence"/>, <see cref="SessionTable"/>, <see cref="AffinityTable"/>, <see cref="SpillingDedupWindow"/>,
/// <see cref="RecommendationLedger"/>) over the persisted state; this class orchestrates calls and storage.
/// </summary>
[GrainType("user")]
public sealed partial class UserGrain(
    [PersistentState(StorageNames.UserState, StorageNames.Provider)] IPersistentState<UserState> state,
    [FromKeyedServices(StorageNames.Provider)] IGrainStorage storage,
    IOptions<UserGrainOptions> options,
    IOptions<RecommendationOptions> recommendationOptions,
    CatalogProjection catalog,
    CatalogTextIndex searchIndex,
    TimeProvider time,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    private static readonly LogThrottle EmbeddingFailures = new(TimeSpan.FromMinutes(1));

    /// <summary>Support contacts kept for the complaint-risk signal.</summary>
    private const int MaxContacts = 5;

    /// <summary>Matches of a search whose categories share its affinity weight.</summary>
    private const int SearchAffinityMatches = 3;

    /// <summary>
    /// Searches one background refresh maps to categories: the latest of a burst. Older ones in the same refresh delay
    /// are dropped from the affinities (they still reach the search shard and the demand gaps).
    /// </summary>
    internal const int MaxPendingSearches = 16;

    /// <summary>The bot's latest calls with a message: intent and time, never the text; this activation only, made on the first.</summary>
    private Queue<SupportContact>? _contacts;

    /// <summary>
    /// Searches that named no item, waiting for the background refresh to map them to categories; <see langword="null"/>
    /// between refreshes, so a shopper who searched once holds no list for it.
    /// </summary>
    private List<(string Query, DateTimeOffset At)>? _pendingSearches;

    /// <summary>The fingerprints of the keys in the user's spilled dedup record (3 bytes a key).</summary>
    private DedupFingerprints _spilled = DedupFingerprints.Empty;

    private IGrainTimer? _refreshTimer;
    private bool _embeddingUnsaved;
    private long _storeCheckedAt;

    private UserState State => state.State;

    private UserGrainOptions Options => options.Value;

    private RecommendationOptions Recommendations => recommendationOptions.Value;

    private BehaviorSequence Sequence => new(State.Sequence, Options.SequenceLength);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await AfterStateReadAsync();
        _storeCheckedAt = time.GetTimestamp();
    }

    /// <summary>
    /// Brings state just read from storage into the current layout and into as little memory as it takes, and reads
    /// the fingerprints of the spilled dedup keys (a shopper with fewer than <see cref="SpillingDedupWindow.DefaultSpillAt"/>
    /// events has none, and reads nothing more).
    /// </summary>
    private async Task AfterStateReadAsync()
    {
        UserStateMigration.Migrate(State, this.GetPrimaryKeyString(), Options.DedupWindow, Options.SequenceLength);
        UserStateMigration.Compact(State, Options.SequenceLength, Options.MaxSessions, Options.MaxCategories);
        _spilled = DedupFingerprints.Empty;
        if (State.DedupSpilled > 0)
        {
            UserInstruments.CountDedupRead(UserInstruments.Activation);
            _spilled = DedupFingerprints.Of(await DedupSpillStore().ReadAsync());
        }
    }

    private GrainDedupSpillStore DedupSpillStore() => new(storage, StorageNames.UserDedupState, this.GetGrainId());

    /// <summary>
    /// Before a read is served from memory: once <see cref="UserGrainOptions.StoredStateRecheck"/> has passed since the
    /// store was last read or written, reads the stored record apart and compares its ETag with the activation's. Only
    /// when it differs (deleted or rewritten under this activation) is the state re-read, dropping what memory held.
    /// </summary>
    private async Task RecheckStoredStateAsync()
    {
        if (!StoredRecord.RecheckDue(time, _storeCheckedAt, Options.StoredStateRecheck))
        {
            return;
        }

        var stored = await StoredRecord.ReadIfChangedAsync(storage, StorageNames.UserState, this.GetGrainId(), state);
        if (stored is null)
        {
            _storeCheckedAt = time.GetTimestamp();
            return;
        }

        LogStoredStateChanged(logger, this.GetPrimaryKeyString(), stored.RecordExists ? "rewritten" : "deleted");
        if (!stored.RecordExists)
        {
            // The user's spilled dedup keys belong to the record that is gone: deleted with it, not left behind to be
            // merged into the next spill. Should this fail, the next read rechecks and tries again.
            await DedupSpillStore().ClearAsync();
        }

        await state.ReadStateAsync();
        try
        {
            await AfterStateReadAsync();
        }
        catch
        {
            // The record was re-read but its spilled keys were not: serving on without their fingerprints could take a
            // re-sent event as new, and the next check would find the ETag unchanged. The next call activates afresh.
            DeactivateOnIdle();
            throw;
        }

        _embeddingUnsaved = false;
        // Only now: a clear or a read that failed above leaves the next call to check again.
        _storeCheckedAt = time.GetTimestamp();
    }

    public async Task<IngestResult> RecordEventsAsync(IReadOnlyList<BehaviorEvent> events)
    {
        var userId = this.GetPrimaryKeyString();
        var keys = new ulong[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (!string.Equals(e.UserId, userId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Event '{e.EventId}' belongs to user '{e.UserId}', not '{userId}'.", nameof(events));
            }

            keys[i] = StableHash.Of(userId, e.EventId);
        }

        var dedup = new SpillingDedupWindow(State.Dedup, _spilled, Options.DedupWindow, SpillingDedupWindow.DefaultSpillAt, DedupSpillStore());
        bool[] isNew;
        try
        {
            isNew = await dedup.AddAsync(keys);
            if (dedup.ReadForMatch)
            {
                UserInstruments.CountDedupRead(UserInstruments.FingerprintMatch);
            }
        }
        catch (Exception ex)
        {
            // The spilled record could not be read: nothing changed yet, and nothing is acknowledged.
            LogDedupReadFailed(logger, ex, userId);
            throw;
        }

        var fresh = new List<BehaviorEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            if (isNew[i])
            {
                fresh.Add(events[i]);
            }
        }

        var duplicates = events.Count - fresh.Count;
        if (fresh.Count == 0)
        {
            return new IngestResult(0, duplicates);
        }

        try
        {
            Apply(fresh);
            await ForwardAsync(fresh);
            foreach (var e in new RecommendationLedger(State.Recommendations, Recommendations.RememberedRecommendations).Attributed(fresh))
            {
                RecommendationInstruments.Attributed.Add(1, new KeyValuePair<string, object?>(
                    RecommendationInstruments.KindTag, e.Kind == EventKind.Click ? "click" : "purchase"));
            }

            if (await dedup.SpillIfDueAsync())
            {
                if (!dedup.ReadForMatch)
                {
                    // A batch that read the record for a match spills from that read.
                    UserInstruments.CountDedupRead(UserInstruments.Spill);
                }

                State.DedupSpilled = dedup.Spilled.Count;
                _spilled = dedup.Spilled;
            }

            await state.WriteStateAsync();
            _storeCheckedAt = time.GetTimestamp();
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

    public async Task<UserProfile?> GetProfileAsync()
    {
        await RecheckStoredStateAsync();
        if (State.TotalEvents == 0)
        {
            // An unknown user: answering must not pin an activation until idle collection (minutes).
            DeactivateOnIdle();
            return null;
        }

        return new UserProfile(
            this.GetPrimaryKeyString(),
            State.TotalEvents,
            State.FirstSeen,
            State.LastSeen,
            [.. State.Sequence],
            new SessionTable(State.Sessions, Options.MaxSessions).MostRecentFirst(),
            new AffinityTable(State.Affinities, Options.MaxCategories, Options.AffinityHalfLife).At(time.GetUtcNow()),
            State.Embedding is null ? null : State.EmbeddingModelVersion,
            State.EmbeddingStale);
    }

    public async Task<UserIntent?> DescribeIntentAsync(string? message)
    {
        await RecheckStoredStateAsync();
        if (State.TotalEvents == 0)
        {
            DeactivateOnIdle();
            if (message is null)
            {
                return null;
            }
        }

        var prediction = message is null
            ? null
            : await GrainFactory.Reference<IInferenceGrain>(0).ClassifyIntentAsync(message, InferencePriority.Bot);
        var now = time.GetUtcNow();
        IReadOnlyList<SequenceEntry> sequence = State.Sequence;
        var answer = prediction is null ? null : IntentAnswer.Of(prediction, sequence, now);
        if (answer is { Fallback: false })
        {
            _contacts ??= new Queue<SupportContact>(MaxContacts + 1);
            _contacts.Enqueue(new SupportContact(answer.Intent, now));
            while (_contacts.Count > MaxContacts)
            {
                _contacts.Dequeue();
            }
        }

        var signals = BehaviorSignalReader.Read(
            sequence, new SessionTable(State.Sessions, Options.MaxSessions).MostRecentFirst(), _contacts is null ? [] : [.. _contacts], sku => catalog.Find(sku)?.Category, now,
            catalog.PricePercentile);
        return new UserIntent(this.GetPrimaryKeyString(), answer, IntentAnswer.Needs(answer, signals, sequence, now), signals, now);
    }

    public async Task ForgetAsync()
    {
        _contacts = null;
        // The spilled keys first: a failure here leaves the user as they were, for the caller to retry.
        await DedupSpillStore().ClearAsync();
        _spilled = DedupFingerprints.Empty;
        await state.ClearStateAsync();
        DeactivateOnIdle();
        LogForgotten(logger, this.GetPrimaryKeyString());
    }

    public async Task<Recommendation> RecommendAsync(RecommendationRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        await RecheckStoredStateAsync();
        var count = Math.Clamp(request.Count, 1, Recommendations.MaxCount);
        if (State.EmbeddingStale)
        {
            // A recommendation after an event must see that event: refresh now, at storefront priority.
            await RefreshEmbeddingAsync(InferencePriority.Storefront);
        }

        var sequence = Sequence;
        var excluded = sequence.Unrecommendable(Recommendations.ExcludePurchased, Recommendations.ExcludeInCart, room: count);

        var search = Recommendations.SearchWindow > TimeSpan.Zero ? sequence.LatestSearch(request.SessionId, time.GetUtcNow(), Recommendations.SearchWindow) : null;
        var context = new RecommendationChain.UserContext(
            State.Embedding, excluded, request.SessionId is { } session ? sequence.SessionItems(session) : [], search);
        var items = await new RecommendationChain(GrainFactory, catalog, searchIndex, Recommendations, ex => LogScoringFailed(logger, ex, this.GetPrimaryKeyString()))
            .BuildAsync(request with { Count = count }, context);
        var personalized = items.Any(i => i.Reason == RecommendationReasons.Personalized);
        var recommendation = new Recommendation(
            $"rec-{Guid.NewGuid():N}",
            personalized ? State.EmbeddingModelVersion ?? RecommendationReasons.NoModel : RecommendationReasons.NoModel,
            items);

        // Kept in state but not written now: a read must not cost a storage write. It is saved with the user's
        // next event, which is when attribution needs it.
        new RecommendationLedger(State.Recommendations, Recommendations.RememberedRecommendations).Remember(recommendation, time.GetUtcNow());
        RecommendationInstruments.Requests.Add(1, new KeyValuePair<string, object?>(RecommendationInstruments.SourceTag, personalized ? "personalized" : "fallback"));
        RecommendationInstruments.CountItems(items);

        RecommendationInstruments.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        if (State.TotalEvents == 0)
        {
            // A shopper with no events yet (an anonymous visitor) got fallbacks; keeping the activation for them would
            // let every visitor pin memory for minutes. The cost: a click on this answer is not attributed to it.
            DeactivateOnIdle();
        }

        return recommendation;
    }

    private void Apply(List<BehaviorEvent> fresh)
    {
        var sequence = Sequence;
        var sessions = new SessionTable(State.Sessions, Options.MaxSessions);
        var affinities = new AffinityTable(State.Affinities, Options.MaxCategories, Options.AffinityHalfLife);
        var itemEvents = false;
        foreach (var e in fresh)
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
            var sku = StringPool.Intern(e.Sku);
            var entry = SequenceEntry.Of(e, sku, sessions.Touch(e.SessionId, e.Timestamp));
            sequence.Add(entry);
            itemEvents |= entry.IsItemEvent;
            if (sku is not null && catalog.Find(sku) is { } listing)
            {
                affinities.Add(listing.Category, DecayedScore.WeightOf(e.Kind), e.Timestamp);
            }
            else if (e is { Kind: EventKind.Search, Query: { Length: > 0 } query } && Recommendations.SearchWindow > TimeSpan.Zero)
            {
                // No item to read a category from: the background refresh asks the search index what it matches.
                _pendingSearches ??= [];
                if (_pendingSearches.Count == MaxPendingSearches)
                {
                    _pendingSearches.RemoveAt(0);
                }

                _pendingSearches.Add((query, e.Timestamp));
            }
        }

        if (_pendingSearches is not null)
        {
            ScheduleEmbeddingRefresh();
        }

        if (itemEvents)
        {
            State.EmbeddingStale = true;
            var lastServed = State.Recommendations.Count == 0 ? (DateTimeOffset?)null : State.Recommendations[^1].IssuedAt;
            if (new EmbeddingRefreshPolicy(Recommendations.EagerRefreshWindow).RefreshInBackground(lastServed, time.GetUtcNow()))
            {
                ScheduleEmbeddingRefresh();
            }
        }
    }

    /// <summary>Sends new item events to their SKU grains (with what each session viewed just before) and searches to their shard.</summary>
    private Task ForwardAsync(List<BehaviorEvent> fresh)
    {
        var sequence = Sequence;
        var calls = new List<Task>();
        foreach (var bySku in fresh.Where(e => e.Sku is not null && e.Kind != EventKind.Search).GroupBy(e => e.Sku!, StringComparer.Ordinal))
        {
            var coViewed = bySku.Where(e => e.Kind is EventKind.View or EventKind.Click)
                .SelectMany(e => sequence.ViewedBefore(e.SessionId, e.Timestamp, bySku.Key, Recommendations.SessionItems))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            calls.Add(GrainFactory.Reference<ISkuGrain>(bySku.Key).ApplyEventsAsync([.. bySku.Select(SkuEvent.Of)], coViewed));
        }

        foreach (var byShard in fresh.Where(e => e.Kind == EventKind.Search && e.Query is not null).GroupBy(e => SearchDemandShards.KeyFor(e.Query!), StringComparer.Ordinal))
        {
            calls.Add(GrainFactory.Reference<ISearchDemandGrain>(byShard.Key)
                .RecordSearchesAsync([.. byShard.Select(e => new SearchObserved(e.Query!, e.Sku, e.Timestamp))]));
        }

        return Task.WhenAll(calls);
    }

    private async Task RefreshEmbeddingAsync(InferencePriority priority)
    {
        var skus = Sequence.ModelItems();
        try
        {
            var embedding = skus.Count == 0
                ? null
                : await GrainFactory.Reference<IInferenceGrain>(0).EmbedSequenceAsync(skus, priority);
            State.Embedding = embedding is { KnownItems: > 0 } ? embedding.Vector : null;
            State.EmbeddingModelVersion = StringPool.Intern(embedding?.ModelVersion);
            State.EmbeddingStale = false;
            _embeddingUnsaved = true;
        }
        catch (Exception ex)
        {
            // No model, or the pool is overloaded: the fallbacks serve, and the next event retries.
            if (EmbeddingFailures.TryEnter(time.GetUtcNow()))
            {
                LogEmbeddingFailed(logger, ex, this.GetPrimaryKeyString());
            }
        }
    }

    /// <summary>One background refresh per burst of events: later events in the delay share it.</summary>
    private void ScheduleEmbeddingRefresh()
    {
        if (_refreshTimer is not null)
        {
            return;
        }

        _refreshTimer = this.RegisterGrainTimer(
            async _ =>
            {
                _refreshTimer?.Dispose();
                _refreshTimer = null;
                if (State.EmbeddingStale)
                {
                    await RefreshEmbeddingAsync(InferencePriority.Background);
                }

                await AbsorbSearchesAsync();
                await SaveEmbeddingAsync();
            },
            new GrainTimerCreationOptions(Recommendations.EmbeddingRefreshDelay, Timeout.InfiniteTimeSpan) { KeepAlive = false });
    }

    /// <summary>
    /// Searches feed the category affinities: each query's three best matches in the search index (at least
    /// <see cref="RecommendationOptions.SearchMinScore"/>) share a view's weight among their categories, by similarity.
    /// Derived and saved with the embedding; lost, like it, if the activation goes before the save.
    /// </summary>
    private async Task AbsorbSearchesAsync()
    {
        if (_pendingSearches is not { } searches)
        {
            return;
        }

        _pendingSearches = null;
        try
        {
            var vectors = await GrainFactory.Reference<IInferenceGrain>(0).EmbedQueriesAsync([.. searches.Select(q => q.Query)], InferencePriority.Background);
            var affinities = new AffinityTable(State.Affinities, Options.MaxCategories, Options.AffinityHalfLife);
            for (var i = 0; i < searches.Count; i++)
            {
                var hits = searchIndex.Nearest(vectors[i], SearchAffinityMatches, (float)Recommendations.SearchMinScore, _ => true)
                    .Select(h => (Category: catalog.Find(h.Sku)?.Category, h.Score))
                    .Where(h => h.Category is not null && h.Score > 0)
                    .ToList();
                var total = hits.Sum(h => h.Score);
                foreach (var category in hits.GroupBy(h => h.Category!, StringComparer.Ordinal))
                {
                    affinities.Add(category.Key, DecayedScore.WeightOf(EventKind.View) * category.Sum(h => h.Score) / total, searches[i].At);
                    _embeddingUnsaved = true;
                }
            }
        }
        catch (Exception ex)
        {
            // No sentence encoder, or the pool is overloaded: the searches still count in the demand gaps.
            if (EmbeddingFailures.TryEnter(time.GetUtcNow()))
            {
                LogSearchesFailed(logger, ex, this.GetPrimaryKeyString());
            }
        }
    }

    private async Task SaveEmbeddingAsync()
    {
        if (!_embeddingUnsaved || State.TotalEvents == 0)
        {
            return;
        }

        try
        {
            await state.WriteStateAsync();
            _embeddingUnsaved = false;
        }
        catch (Exception ex)
        {
            LogWriteFailed(logger, ex, this.GetPrimaryKeyString());
        }
    }
}
