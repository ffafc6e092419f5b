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
    ILogger<CategoryBoardGrain> logger) : Grain, ICategoryBoardGrain
{
    private CategoryBoard _board = null!;
    private bool _dirty;
    private bool _unpublished;

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
        this.RegisterGrainTimer(
            _ =>
            {
                if (_unpublished)
                {
                    Publish();
                }

                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions(PublishInterval, PublishInterval) { KeepAlive = false });
        return Task.CompletedTask;
    }

    private string Category => this.GetPrimaryKeyString();

    private void Publish()
    {
        instruments.Publish(Category, _board.Standings.Values.ToArray());
        _unpublished = false;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        instruments.Withdraw(Category);
        return reason.ReasonCode == DeactivationReasonCode.ShuttingDown && !options.Value.SaveWhenSiloStops
            ? Task.CompletedTask
            : SaveIfChangedAsync();
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

    private async Task SaveIfChangedAsync()
    {
        if (!_dirty)
        {
            return;
        }

        Publish();
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
