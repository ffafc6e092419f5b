using System.Diagnostics;
using EcomOrleans.Events;
using EcomOrleans.Grains.Common;
using EcomOrleans.Grains.Recommendations;
using EcomOrleans.Inference;
using EcomOrleans.Recommendations;

namespace EcomOrleans.Grains.Users;

public sealed partial class UserGrain
{
    private static readonly LogThrottle EmbeddingFailures = new(TimeSpan.FromMinutes(1));

    private IGrainTimer? _refreshTimer;
    private bool _embeddingUnsaved;

    public async Task<Recommendation> RecommendAsync(RecommendationRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var count = Math.Clamp(request.Count, 1, _recommendations.MaxCount);
        if (State.EmbeddingStale)
        {
            // A recommendation after an event must see that event: refresh now, at storefront priority.
            await RefreshEmbeddingAsync(InferencePriority.Storefront);
        }

        var context = new RecommendationChain.UserContext(State.Embedding, ExcludedSkus(), SessionItems(request.SessionId));
        var items = await new RecommendationChain(GrainFactory, _recommendations, ex => LogScoringFailed(logger, ex, this.GetPrimaryKeyString())).BuildAsync(request with { Count = count }, context);
        var personalized = items.Any(i => i.Reason == RecommendationReasons.Personalized);
        var recommendation = new Recommendation(
            $"rec-{Guid.NewGuid():N}",
            personalized ? State.EmbeddingModelVersion ?? RecommendationReasons.NoModel : RecommendationReasons.NoModel,
            items);

        Remember(recommendation);
        RecommendationInstruments.Requests.Add(1, new KeyValuePair<string, object?>(RecommendationInstruments.SourceTag, personalized ? "personalized" : "fallback"));
        foreach (var byReason in items.CountBy(i => i.Reason))
        {
            RecommendationInstruments.Items.Add(byReason.Value, new KeyValuePair<string, object?>(RecommendationInstruments.ReasonTag, byReason.Key));
        }

        RecommendationInstruments.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return recommendation;
    }

    private static bool IsItemEvent(BehaviorEvent e) =>
        e.Sku is not null && e.Kind is EventKind.View or EventKind.Click or EventKind.AddToCart or EventKind.Purchase;

    /// <summary>The item sequence the model reads: item events oldest first, repeats in a row collapsed.</summary>
    private List<string> ModelSequence()
    {
        var skus = new List<string>(State.Recent.Count);
        foreach (var e in State.Recent.Where(IsItemEvent))
        {
            if (skus.Count == 0 || skus[^1] != e.Sku)
            {
                skus.Add(e.Sku!);
            }
        }

        return skus;
    }

    private async Task RefreshEmbeddingAsync(InferencePriority priority)
    {
        var skus = ModelSequence();
        try
        {
            var embedding = skus.Count == 0
                ? null
                : await GrainFactory.GetGrain<IInferenceGrain>(0).EmbedSequenceAsync(skus, priority);
            State.Embedding = embedding is { KnownItems: > 0 } ? embedding.Vector : null;
            State.EmbeddingModelVersion = embedding?.ModelVersion;
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

                await SaveEmbeddingAsync();
            },
            new GrainTimerCreationOptions(_recommendations.EmbeddingRefreshDelay, Timeout.InfiniteTimeSpan) { KeepAlive = false });
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

    /// <summary>Just-bought and in-cart SKUs, as the options say.</summary>
    private HashSet<string> ExcludedSkus()
    {
        var bought = new HashSet<string>(StringComparer.Ordinal);
        var cart = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in State.Recent.Where(e => e.Sku is not null))
        {
            switch (e.Kind)
            {
                case EventKind.AddToCart: cart.Add(e.Sku!); break;
                case EventKind.RemoveFromCart: cart.Remove(e.Sku!); break;
                case EventKind.Purchase:
                    cart.Remove(e.Sku!);
                    bought.Add(e.Sku!);
                    break;
            }
        }

        var excluded = new HashSet<string>(StringComparer.Ordinal);
        if (_recommendations.ExcludePurchased)
        {
            excluded.UnionWith(bought);
        }

        if (_recommendations.ExcludeInCart)
        {
            excluded.UnionWith(cart);
        }

        return excluded;
    }

    private List<string> SessionItems(string? sessionId) =>
        sessionId is null
            ? []
            : State.Recent.Where(e => e.SessionId == sessionId && IsItemEvent(e)).Select(e => e.Sku!).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>For each SKU of the batch, the SKUs its session viewed just before it.</summary>
    private Dictionary<string, List<string>> CoViewsOf(List<BehaviorEvent> fresh)
    {
        var bySku = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var e in fresh.Where(e => e.Kind is EventKind.View or EventKind.Click && e.Sku is not null).OrderBy(e => e.Timestamp))
        {
            var before = State.Recent.Concat(fresh)
                .Where(p => p.SessionId == e.SessionId && p.Timestamp < e.Timestamp && p.Kind is EventKind.View or EventKind.Click && p.Sku is not null && p.Sku != e.Sku)
                .OrderBy(p => p.Timestamp)
                .Select(p => p.Sku!)
                .Distinct(StringComparer.Ordinal)
                .TakeLast(_recommendations.SessionItems);
            if (!bySku.TryGetValue(e.Sku!, out var list))
            {
                list = [];
                bySku[e.Sku!] = list;
            }

            list.AddRange(before.Where(s => !list.Contains(s)));
        }

        return bySku;
    }

    private void Remember(Recommendation recommendation)
    {
        if (_recommendations.RememberedRecommendations == 0)
        {
            return;
        }

        // Kept in state but not written now: a read must not cost a storage write. It is saved with the
        // user's next event, which is when attribution needs it.
        State.Recommendations.Add(new IssuedRecommendation
        {
            Id = recommendation.RecommendationId,
            Skus = [.. recommendation.Items.Select(i => i.Sku)],
            IssuedAt = time.GetUtcNow(),
        });
        if (State.Recommendations.Count > _recommendations.RememberedRecommendations)
        {
            State.Recommendations.RemoveRange(0, State.Recommendations.Count - _recommendations.RememberedRecommendations);
        }
    }

    private void Attribute(List<BehaviorEvent> fresh)
    {
        foreach (var e in fresh.Where(e => e.RecommendationId is not null && e.Kind is EventKind.Click or EventKind.Purchase))
        {
            var issued = State.Recommendations.Find(r => r.Id == e.RecommendationId);
            if (issued is not null && issued.Skus.Contains(e.Sku!))
            {
                RecommendationInstruments.Attributed.Add(1, new KeyValuePair<string, object?>(
                    RecommendationInstruments.KindTag, EventKinds.WireName(e.Kind)));
            }
        }
    }
}
