using EcomOrleans.Grains.Storage;
using EcomOrleans.Skus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Grains.Skus;

/// <summary>
/// One category's merchandising board. Reports change it in memory; a timer saves it when it changed (derived data:
/// a lost minute is reported again by the SKUs). One activation per category, so no activation takes every SKU's report.
/// </summary>
[GrainType("category-board")]
public sealed partial class CategoryBoardGrain(
    [PersistentState(StorageNames.CategoryBoardState, StorageNames.Provider)] IPersistentState<CategoryBoardState> state,
    IOptions<CategoryBoardOptions> options,
    MerchandisingInstruments instruments,
    TimeProvider time,
    ILogger<CategoryBoardGrain> logger) : Grain, ICategoryBoardGrain
{
    private CategoryBoard _board = null!;
    private bool _dirty;
    private bool _unpublished;
    private DateOnly _publishedDay;

    /// <summary>
    /// How stale a board's metrics may get: a timer republishes a board that changed this often (the gauges are read
    /// on the metrics thread, so they read a snapshot, never the grain's dictionary).
    /// </summary>
    public static readonly TimeSpan PublishInterval = TimeSpan.FromSeconds(5);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _board = new CategoryBoard(state.State.Standings, options.Value.MaxTracked);
        Publish();
        this.RegisterGrainTimer(_ => SaveIfChangedAsync(), new GrainTimerCreationOptions(options.Value.PersistInterval, options.Value.PersistInterval) { KeepAlive = false });
        // KeepAlive: a quiet category keeps its series (an out-of-stock SKU nobody visits is still an alert); one board a
        // category, so the boards held stay as many as the catalog's categories. A new UTC day republishes "today".
        this.RegisterGrainTimer(
            _ =>
            {
                if (_board.Standings.Count == 0)
                {
                    // Nothing to keep alive for (a category asked about that no SKU reported to).
                    DeactivateOnIdle();
                }
                else if (_unpublished || Today() != _publishedDay)
                {
                    Publish();
                }

                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions(PublishInterval, PublishInterval) { KeepAlive = true });
        return Task.CompletedTask;
    }

    private string Category => this.GetPrimaryKeyString();

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The board's figures to this silo's gauges; an empty board (a category nobody reported to) exports nothing.</summary>
    private void Publish()
    {
        _publishedDay = Today();
        if (_board.Standings.Count == 0)
        {
            instruments.Withdraw(Category);
        }
        else
        {
            instruments.Publish(Category, _board.Standings.Values.ToArray(), _publishedDay);
        }

        _unpublished = false;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown || options.Value.SaveWhenSiloStops)
        {
            await SaveIfChangedAsync(publish: false);
        }

        // Last: nothing may publish the category's series again on this silo once its board has gone.
        instruments.Withdraw(Category);
    }

    public Task ReportAsync(SkuStanding standing)
    {
        _board.Report(standing);
        _dirty = _unpublished = true;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string sku)
    {
        var removed = _board.Remove(sku);
        _dirty |= removed;
        _unpublished |= removed;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SkuStanding>> GetLeadersAsync(LeaderboardSort sort, int count) => Task.FromResult(_board.Leaders(sort, count));

    public Task<IReadOnlyList<SkuStanding>> GetViewedNotBoughtAsync(int count, int minimumViews) => Task.FromResult(_board.ViewedNotBought(count, minimumViews));

    public Task<CategoryGaps> GetGapsAsync(int count, int minimumViews) => Task.FromResult(_board.Gaps(Category, count, minimumViews));

    public Task<CategoryElasticity?> GetElasticityAsync() => Task.FromResult(_board.Elasticity());

    private async Task SaveIfChangedAsync(bool publish = true)
    {
        if (!_dirty)
        {
            return;
        }

        if (publish)
        {
            Publish();
        }

        _dirty = false;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            _dirty = true;
            LogSaveFailed(logger, ex, this.GetPrimaryKeyString());
        }
    }
}
