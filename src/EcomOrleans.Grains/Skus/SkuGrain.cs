using EcomOrleans.Catalog;
using EcomOrleans.Grains.Catalog;
using EcomOrleans.Grains.Storage;
using EcomOrleans.Inference;
using EcomOrleans.Skus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Storage;

namespace EcomOrleans.Grains.Skus;

/// <summary>
/// One catalog item: facts and live stock (hot state), demand history (cold state). Reentrant so that a popular
/// SKU's concurrent callers share storage writes (<see cref="StateWriteCoalescer"/>); all state changes are
/// synchronous, so interleaving only happens while a write is awaited. When the catalog changes or stock crosses
/// zero it publishes its listing to its catalog shard, which pushes it to every silo's read model, before it answers.
/// Reads check now and then that the stored records are still the ones it holds (<see cref="SkuGrainOptions.StoredStateRecheck"/>).
/// </summary>
[Reentrant]
[GrainType("sku")]
public sealed partial class SkuGrain : Grain, ISkuGrain
{
    private readonly IPersistentState<SkuState> _state;
    private readonly IPersistentState<SkuDemandState> _demandState;
    private readonly IPersistentState<SkuPlanState> _planState;
    private readonly IGrainStorage _storage;
    private readonly SkuGrainOptions _options;
    private readonly ForecastOptions _forecasts;
    private readonly RestockOptions _restock;
    private readonly PricingOptions _pricing;
    private readonly TrendingOptions _trending;
    private readonly TimeProvider _time;
    private readonly ILogger<SkuGrain> _logger;
    private readonly StateWriteCoalescer _hotWriter;
    private readonly StateWriteCoalescer _coldWriter;
    private readonly StateWriteCoalescer _planWriter;
    private Task<SkuDemandOutlook?>? _refreshing;
    private SkuDemand _demand = null!;
    private SkuListing? _published;
    private Task _publishing = Task.CompletedTask;
    private DateTimeOffset _lastReport = DateTimeOffset.MinValue;
    private IGrainTimer? _trailingReport;
    private long _storeCheckedAt;
    private long _writesStarted;

    public SkuGrain(
        [PersistentState(StorageNames.SkuState, StorageNames.Provider)] IPersistentState<SkuState> state,
        [PersistentState(StorageNames.SkuDemandState, StorageNames.Provider)] IPersistentState<SkuDemandState> demand,
        [PersistentState(StorageNames.SkuPlanState, StorageNames.Provider)] IPersistentState<SkuPlanState> plan,
        [FromKeyedServices(StorageNames.Provider)] IGrainStorage storage,
        IOptions<SkuGrainOptions> options,
        IOptions<ForecastOptions> forecasts,
        IOptions<RestockOptions> restock,
        IOptions<PricingOptions> pricing,
        IOptions<TrendingOptions> trending,
        TimeProvider time,
        ILogger<SkuGrain> logger)
    {
        _state = state;
        _demandState = demand;
        _planState = plan;
        _forecasts = forecasts.Value;
        _restock = restock.Value;
        _pricing = pricing.Value;
        _storage = storage;
        _options = options.Value;
        _trending = trending.Value;
        _time = time;
        _logger = logger;
        _hotWriter = new StateWriteCoalescer(() => WriteAsync(_state));
        _coldWriter = new StateWriteCoalescer(() => WriteAsync(_demandState));
        _planWriter = new StateWriteCoalescer(() => WriteAsync(_planState));
    }

    private SkuState State => _state.State;

    private string Sku => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (SkuStateMigration.Migrate(State, _demandState.State, _demandState.RecordExists, _options.DedupWindow))
        {
            // History first: once the hot state is written without it, the demand state is its only copy.
            await _demandState.WriteStateAsync(cancellationToken);
            await _state.WriteStateAsync(cancellationToken);
        }

        _demand = new SkuDemand(_demandState.State, _options, _trending.HalfLife);
        _storeCheckedAt = _time.GetTimestamp();
        if (_forecasts.Schedule == ForecastSchedule.Timer)
        {
            this.RegisterGrainTimer(
                _ => RefreshIfDueAsync(),
                new GrainTimerCreationOptions(_forecasts.CheckInterval, _forecasts.CheckInterval) { KeepAlive = false });
        }
    }

    public async Task<SkuDemandOutlook?> GetOutlookAsync()
    {
        if (State.Catalog is null)
        {
            return null;
        }

        if (ForecastDue())
        {
            return await RefreshForecastAsync();
        }

        return Outlook();
    }

    private bool ForecastDue() => SkuForecasting.IsDue(_planState.State.Forecast, _time.GetUtcNow(), _forecasts);

    /// <summary>One refresh at a time: a caller that arrives while one runs gets its result.</summary>
    public Task<SkuDemandOutlook?> RefreshForecastAsync() => _refreshing ??= RefreshOnceAsync();

    private async Task<SkuDemandOutlook?> RefreshOnceAsync()
    {
        try
        {
            return await RefreshCoreAsync();
        }
        finally
        {
            _refreshing = null;
        }
    }

    private async Task RefreshIfDueAsync()
    {
        if (State.Catalog is not null && ForecastDue())
        {
            try
            {
                await RefreshForecastAsync();
            }
            catch (Exception ex)
            {
                // The timer comes back; a failed refresh leaves the last forecast in force.
                LogForecastFailed(_logger, ex, Sku);
            }
        }
    }

    private async Task<SkuDemandOutlook?> RefreshCoreAsync()
    {
        if (State.Catalog is not { } catalog)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var today = SkuForecasting.DayOf(now);
        var plan = _planState.State;
        SkuForecasting.ScoreClosedDays(plan, _demand.State, today, _forecasts.ScoredDaysKept);
        var history = SkuForecasting.History(Sku, _demand.State, catalog.Price, today);
        var forecast = history.Units.Length < _forecasts.ModelMinimumDays
            ? SkuForecasting.Baseline(history, now, _forecasts.Horizon, $"{history.Units.Length} of the {_forecasts.ModelMinimumDays} days of history the demand model reads")
            : await ModelForecastAsync(history, now);
        plan.Forecast = forecast;
        SkuInstruments.ForecastRefreshes.Add(1, new KeyValuePair<string, object?>(SkuInstruments.MethodTag, forecast.Method));
        await _planWriter.FlushAsync();
        await ReportStandingAsync(now);
        return Outlook();
    }

    public async Task<SkuDecisions?> GetDecisionsAsync()
    {
        if (State.Catalog is null)
        {
            return null;
        }

        if (ForecastDue())
        {
            await RefreshForecastAsync();
        }

        // The refresh awaited: read the catalog again, a PUT may have interleaved.
        if (State.Catalog is not { } catalog || _planState.State.Forecast is not { } forecast)
        {
            return null;
        }

        var category = await CategoryElasticityAsync(catalog.Category);
        var now = _time.GetUtcNow();
        var plan = _planState.State;
        var history = SkuDecisionMaker.PriceHistory(_demand.State, catalog.Price);
        var own = SkuDecisionMaker.OwnFit(history, _pricing);
        (plan.OwnElasticity, plan.OwnElasticityStandardError) = (own?.Elasticity, own?.StandardError);
        var restock = SkuDecisionMaker.Restock(catalog, State.Stock, forecast, _restock);
        var price = SkuDecisionMaker.Price(catalog, State.Stock, forecast, history, category, _pricing);
        price = price with { SuggestionId = Record(price, catalog, now) };
        await _planWriter.FlushAsync();
        await ReportStandingAsync(now);
        return new SkuDecisions(Sku, now, forecast, restock, price, [.. plan.Suggestions]);
    }

    /// <summary>
    /// Puts a new suggestion in the trail, newest first, superseding the pending one; the pending one is kept (same id)
    /// when it suggests the same move from the same price and cost. Returns the id of the suggestion in force, if any.
    /// </summary>
    private string? Record(PriceAdvice price, SkuCatalog catalog, DateTimeOffset now)
    {
        var trail = _planState.State.Suggestions;
        var pending = trail.FindIndex(r => r.Status == PriceSuggestionRecord.Pending);
        var changed = price.Outcome == SkuDecisionMaker.WireName(Merchandising.Pricing.PriceSuggestionOutcome.Changed);
        if (pending >= 0)
        {
            var p = trail[pending];
            if (changed && p.FromPrice == catalog.Price && p.Cost == catalog.Cost && p.ToPrice == price.Suggested.Price)
            {
                return p.Id;
            }

            trail[pending] = p with { Status = PriceSuggestionRecord.Superseded, DecidedAt = now };
        }

        if (!changed)
        {
            return null;
        }

        var id = SkuDecisionMaker.SuggestionId(Sku, catalog.Price, price.Suggested.Price, catalog.Cost, now);
        trail.Insert(0, new PriceSuggestionRecord(id, now, catalog.Price, price.Suggested.Price, catalog.Cost, price.Reason, PriceSuggestionRecord.Pending, null));
        if (trail.Count > _pricing.SuggestionsKept)
        {
            trail.RemoveRange(_pricing.SuggestionsKept, trail.Count - _pricing.SuggestionsKept);
        }

        SkuInstruments.PriceSuggestions.Add(1);
        return id;
    }

    public async Task<PriceAcceptResult> AcceptPriceAsync(string suggestionId)
    {
        if (State.Catalog is not { } catalog)
        {
            return new PriceAcceptResult(PriceAcceptance.UnknownSku, null, null, $"SKU '{Sku}' is not in the catalog.");
        }

        var trail = _planState.State.Suggestions;
        var index = trail.FindIndex(r => string.Equals(r.Id, suggestionId, StringComparison.Ordinal));
        if (index < 0)
        {
            return new PriceAcceptResult(PriceAcceptance.UnknownSuggestion, null, null,
                $"SKU '{Sku}' has no price suggestion '{suggestionId}'; GET /api/skus/{Sku}/decisions makes one.");
        }

        var suggestion = trail[index];
        switch (suggestion.Status)
        {
            case PriceSuggestionRecord.Accepted:
                return new PriceAcceptResult(PriceAcceptance.AlreadyAccepted, null, suggestion,
                    $"Suggestion '{suggestionId}' was accepted at {suggestion.DecidedAt:O}; a suggestion changes the price once.");
            case PriceSuggestionRecord.Superseded:
                return new PriceAcceptResult(PriceAcceptance.Superseded, null, suggestion,
                    $"Suggestion '{suggestionId}' was superseded at {suggestion.DecidedAt:O}; GET /api/skus/{Sku}/decisions for the one in force.");
        }

        var now = _time.GetUtcNow();
        if (suggestion.FromPrice != catalog.Price || suggestion.Cost != catalog.Cost)
        {
            trail[index] = suggestion with { Status = PriceSuggestionRecord.Superseded, DecidedAt = now };
            await _planWriter.FlushAsync();
            await ReportStandingAsync(now); // the board no longer counts it pending
            return new PriceAcceptResult(PriceAcceptance.Superseded, null, trail[index],
                $"Suggestion '{suggestionId}' was made at price {suggestion.FromPrice} and cost {suggestion.Cost}; the SKU is now at price {catalog.Price} and cost {catalog.Cost}.");
        }

        // The price first: once it is durable the suggestion can never apply again (its from-price no longer matches),
        // even if recording the acceptance fails.
        State.Catalog = catalog with { Price = suggestion.ToPrice };
        State.UpdatedAt = now;
        await _hotWriter.FlushAsync();
        trail[index] = suggestion with { Status = PriceSuggestionRecord.Accepted, DecidedAt = now };
        await _planWriter.FlushAsync();
        // The read models (the listing's price) and the board (no suggestion pending) learn it before the answer.
        await PublishListingAsync();
        await ReportStandingAsync(now);
        SkuInstruments.PriceChanges.Add(1);
        LogPriceAccepted(_logger, Sku, suggestion.FromPrice, suggestion.ToPrice, suggestionId);
        return new PriceAcceptResult(PriceAcceptance.Accepted, Snapshot(State.Catalog, State, _demand.State), trail[index],
            $"The price of SKU '{Sku}' changed from {suggestion.FromPrice} to {suggestion.ToPrice}.");
    }

    /// <summary>The category's elasticity across its SKUs' fits; null when the board is unreachable (the decision goes on without it).</summary>
    private async Task<CategoryElasticity?> CategoryElasticityAsync(string category)
    {
        try
        {
            return await GrainFactory.Reference<ICategoryBoardGrain>(category).GetElasticityAsync();
        }
        catch (Exception ex)
        {
            LogReportFailed(_logger, ex, Sku);
            return null;
        }
    }

    /// <summary>Tells the category's board this SKU's standing without waiting for it (the ingest path).</summary>
    private void ReportStanding(DateTimeOffset now) => _ = ReportStandingAsync(now);

    /// <summary>
    /// Tells the category's board this SKU's standing; the board is advisory, so a failure is logged, never thrown. A PUT,
    /// a forecast refresh and a decision wait for it, so the leaderboard has seen what they changed when they answer.
    /// </summary>
    private Task ReportStandingAsync(DateTimeOffset now)
    {
        if (State.Catalog is not { } catalog)
        {
            return Task.CompletedTask;
        }

        var plan = _planState.State;
        var pending = plan.Suggestions.FirstOrDefault(s => s.Status == PriceSuggestionRecord.Pending);
        double? change = pending is { FromPrice: > 0 } p ? Math.Round((double)((p.ToPrice - p.FromPrice) / p.FromPrice), 4) : null;
        var urgency = plan.Forecast is { } forecast ? SkuDecisionMaker.Restock(catalog, State.Stock, forecast, _restock).Urgency : null;
        var standing = _demand.Standing(Sku, State.Stock, plan.OwnElasticity, plan.OwnElasticityStandardError, plan.Forecast, change, urgency, now);
        return ObserveAsync(GrainFactory.Reference<ICategoryBoardGrain>(catalog.Category).ReportAsync(standing));
    }

    /// <summary>The served blend, or the baseline when the pool cannot forecast now (the reason says why).</summary>
    private async Task<SkuForecast> ModelForecastAsync(DemandHistory history, DateTimeOffset now)
    {
        try
        {
            var model = await GrainFactory.Reference<IInferenceGrain>(0).ForecastDemandAsync(SkuForecasting.ForTheModel(history), InferencePriority.Background);
            return SkuForecasting.Blend(model, history, now);
        }
        catch (ModelNotLoadedException)
        {
            return SkuForecasting.Baseline(history, now, _forecasts.Horizon, "the demand model is not loaded");
        }
        catch (InferenceOverloadedException)
        {
            return SkuForecasting.Baseline(history, now, _forecasts.Horizon, "the inference pool was overloaded and shed the request");
        }
    }

    private SkuDemandOutlook Outlook()
    {
        var plan = _planState.State;
        return new SkuDemandOutlook(plan.Forecast, [.. plan.Recent], plan.Errors.ToAccuracy());
    }

    public async Task<SkuSnapshot> UpsertCatalogAsync(SkuCatalog catalog)
    {
        if (State.Catalog is { } before && !string.Equals(before.Category, catalog.Category, StringComparison.Ordinal))
        {
            _ = ObserveAsync(GrainFactory.Reference<ICategoryBoardGrain>(before.Category).RemoveAsync(Sku));
        }

        State.Catalog = catalog;
        State.Stock = catalog.Stock;
        State.UpdatedAt = _time.GetUtcNow();
        await _hotWriter.FlushAsync();
        await PublishListingAsync();
        await ReportStandingAsync(_time.GetUtcNow());
        return Snapshot(catalog, State, _demand.State);
    }

    public async Task ApplyEventsAsync(IReadOnlyList<SkuEvent> events, IReadOnlyList<string> coViewed)
    {
        var now = _time.GetUtcNow();
        var counted = 0;
        var stockChanged = false;
        foreach (var e in events)
        {
            if (!_demand.Dedup.TryAdd(e.Key))
            {
                continue;
            }

            var outOfStock = State.Catalog is not null && State.Stock <= 0;
            if (e.Kind == Events.EventKind.Purchase)
            {
                stockChanged |= TakeStock(e.Quantity);
            }

            _demand.Count(e, e.Price ?? State.Catalog?.Price ?? 0m, now, outOfStock);
            if (outOfStock && e.Kind == Events.EventKind.View)
            {
                SkuInstruments.OutOfStockViews.Add(1);
            }

            counted++;
        }

        if (counted == 0)
        {
            // All re-sends: still answer only once the writes that first counted them are durable, and the listing
            // change they made (a stock-out) has reached the read models. A failed publish is its own caller's
            // failure; this one only waits for it.
            await Task.WhenAll(_coldWriter.WhenDurableAsync(), _hotWriter.WhenDurableAsync());
            await _publishing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            return;
        }

        _demand.CountCoViews(coViewed, Sku);
        _demand.Prune(now);
        _demand.State.UpdatedAt = now;
        if (stockChanged)
        {
            State.UpdatedAt = now;
            await Task.WhenAll(_coldWriter.FlushAsync(), _hotWriter.FlushAsync());
            await PublishListingAsync();
        }
        else
        {
            await _coldWriter.FlushAsync();
        }

        ReportDemandIfDue(now);
    }

    public Task<IReadOnlyList<RankedSku>> GetCoViewedAsync(int count) =>
        Task.FromResult<IReadOnlyList<RankedSku>>([.. _demand.TopCoViews(count).Select(c => new RankedSku(c.Key, c.Value))]);

    public async Task<SkuSnapshot?> GetAsync()
    {
        if (await ReadIfStoredStateChangedAsync() is var (hot, demand))
        {
            return hot.Catalog is { } storedCatalog ? Snapshot(storedCatalog, hot, demand) : null;
        }

        if (State.Catalog is { } catalog)
        {
            return Snapshot(catalog, State, _demand.State);
        }

        DeactivateIfNothingStored();
        return null;
    }

    /// <summary>A read of a SKU that was never stored must not pin an activation until idle collection (minutes).</summary>
    private void DeactivateIfNothingStored()
    {
        if (!_state.RecordExists && !_demandState.RecordExists)
        {
            DeactivateOnIdle();
        }
    }

    public async Task<DemandSeries> GetDemandAsync(DemandGranularity granularity)
    {
        var demand = await ReadIfStoredStateChangedAsync() is var (_, stored) ? new SkuDemand(stored, _options, _trending.HalfLife) : _demand;
        return new DemandSeries(Sku, granularity, [.. demand.Buckets(granularity, _time.GetUtcNow()).Select(b => new DemandBucket(b.Start, b.ToCounts()))]);
    }

    private SkuSnapshot Snapshot(SkuCatalog catalog, SkuState hot, SkuDemandState demand) =>
        new(Sku, catalog, hot.Stock, demand.Totals.ToCounts(), new SkuDemand(demand, _options, _trending.HalfLife).EstimatedLostUnits(),
            hot.UpdatedAt > demand.UpdatedAt ? hot.UpdatedAt : demand.UpdatedAt, hot.OversoldUnits);

    /// <summary>
    /// Once <see cref="SkuGrainOptions.StoredStateRecheck"/> has passed since the store was last read or written, reads
    /// both stored records apart and compares their ETags with the activation's. When either differs (deleted or
    /// rewritten under this activation) it returns the stored records, publishes their listing, and deactivates, so the
    /// next call loads them. The activation's own state is not replaced in place: the grain is reentrant, and a write
    /// interleaved with a reload could acknowledge a change the reloaded state no longer holds.
    /// </summary>
    private async Task<(SkuState Hot, SkuDemandState Demand)?> ReadIfStoredStateChangedAsync()
    {
        if (!StoredRecord.RecheckDue(_time, _storeCheckedAt, _options.StoredStateRecheck) || !WritersIdle)
        {
            // A write in flight settles it: a record changed under this activation fails that write on its ETag.
            return null;
        }

        var writes = _writesStarted;
        var hotRead = StoredRecord.ReadIfChangedAsync(_storage, StorageNames.SkuState, this.GetGrainId(), _state);
        var demandRead = StoredRecord.ReadIfChangedAsync(_storage, StorageNames.SkuDemandState, this.GetGrainId(), _demandState);
        await Task.WhenAll(hotRead, demandRead);
        var (hot, demand) = (await hotRead, await demandRead);
        if (writes != _writesStarted || !WritersIdle)
        {
            return null; // An interleaved write moved the ETags while the records were read.
        }

        _storeCheckedAt = _time.GetTimestamp();
        if (hot is null && demand is null)
        {
            return null;
        }

        LogStoredStateChanged(_logger, Sku, hot is { RecordExists: false } ? "deleted" : "rewritten");
        DeactivateOnIdle();
        var storedHot = hot?.State ?? State;
        var storedDemand = demand?.State ?? _demandState.State;
        SkuStateMigration.Migrate(storedHot, storedDemand, demand?.RecordExists ?? _demandState.RecordExists, _options.DedupWindow);
        await PublishStoredListingAsync(storedHot);
        return (storedHot, storedDemand);
    }

    private bool WritersIdle => _hotWriter.IsIdle && _coldWriter.IsIdle && _planWriter.IsIdle;

    /// <summary>The read models must not go on serving what the vanished record said: a SKU with no catalog is not in stock.</summary>
    private async Task PublishStoredListingAsync(SkuState stored)
    {
        var category = stored.Catalog?.Category ?? _published?.Category ?? State.Catalog?.Category;
        if (category is null)
        {
            return;
        }

        var listing = new SkuListing(Sku, category, stored.Catalog is not null && stored.Stock > 0, 0,
            stored.Catalog is { } c ? SkuListing.TextOf(c.Title, c.Brand) : _published?.Text, stored.Catalog?.Price ?? _published?.Price);
        await GrainFactory.Reference<ICatalogShardGrain>(CatalogShards.ShardOf(Sku)).PublishAsync(listing);
        _published = listing;
    }

    /// <returns>True when stock changed.</returns>
    private bool TakeStock(int quantity)
    {
        if (State.Catalog is null)
        {
            return false; // Stock is unknown until the catalog is set.
        }

        // The storefront reports a sale it made: every unit is a sale (counted in the demand). Units beyond the stock
        // held here mean the engine's figure was behind the shelf, not that demand was lost.
        var taken = Math.Min(Math.Max(0, State.Stock), quantity);
        State.Stock -= taken;
        if (taken < quantity)
        {
            State.OversoldUnits += quantity - taken;
            SkuInstruments.OversoldUnits.Add(quantity - taken);
            LogOversold(_logger, Sku, quantity - taken);
        }

        return true;
    }

    /// <summary>
    /// Publishes the listing if it differs from the last one published. Publishes run one after another, each reading
    /// the state when it starts, so the shard always ends with the latest.
    /// </summary>
    private Task PublishListingAsync()
    {
        _publishing = PublishAfterAsync(_publishing);
        return _publishing;
    }

    private async Task PublishAfterAsync(Task previous)
    {
        try
        {
            await previous;
        }
        catch
        {
            // The earlier caller saw its failure; this publish reads the state afresh.
        }

        if (State.Catalog is not { } catalog)
        {
            return;
        }

        var listing = new SkuListing(Sku, catalog.Category, State.Stock > 0, 0, SkuListing.TextOf(catalog.Title, catalog.Brand), catalog.Price);
        if (_published is { } published && listing.AddsNothingTo(published))
        {
            return;
        }

        await GrainFactory.Reference<ICatalogShardGrain>(CatalogShards.ShardOf(Sku)).PublishAsync(listing);
        _published = listing;
    }

    /// <summary>Tells the category's ranking about this SKU's demand without waiting for it, at most once per report interval.</summary>
    /// <remarks>
    /// A report held back by the interval is sent when the interval ends (a one-shot timer), so the last events of a burst
    /// reach the ranking and the board even when no event follows them.
    /// </remarks>
    private void ReportDemandIfDue(DateTimeOffset now)
    {
        if (State.Catalog is not { } catalog)
        {
            return;
        }

        var wait = _lastReport + _trending.ReportInterval - now;
        if (wait > TimeSpan.Zero)
        {
            _trailingReport ??= this.RegisterGrainTimer(
                () =>
                {
                    _trailingReport?.Dispose();
                    _trailingReport = null;
                    ReportDemandIfDue(_time.GetUtcNow());
                    return Task.CompletedTask;
                },
                new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan) { KeepAlive = false });
            return;
        }

        _lastReport = now;
        var demand = _demand.State;
        var report = GrainFactory.Reference<ITrendingGrain>(ITrendingGrain.KeyOf(catalog.Category))
            .ReportAsync(new SkuDemandReport(Sku, catalog.Category, demand.TrendingScore, demand.TrendingAsOf, demand.Totals.Units));
        _ = ObserveAsync(report);
        ReportStanding(now);
    }

    /// <summary>The ranking is advisory: a failed report is logged, never thrown into ingestion, and the next one catches up.</summary>
    private async Task ObserveAsync(Task report)
    {
        try
        {
            await report;
        }
        catch (Exception ex)
        {
            LogReportFailed(_logger, ex, Sku);
        }
    }

    private async Task WriteAsync<T>(IPersistentState<T> state)
    {
        _writesStarted++;
        try
        {
            await state.WriteStateAsync();
            _storeCheckedAt = _time.GetTimestamp();
        }
        catch (Exception ex)
        {
            // Callers see the failure and retry; reload from storage rather than trust memory.
            LogWriteFailed(_logger, ex, Sku);
            DeactivateOnIdle();
            throw;
        }
    }
}
