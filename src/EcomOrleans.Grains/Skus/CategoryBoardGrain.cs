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
    ILogger<CategoryBoardGrain> logger) : Grain, ICategoryBoardGrain
{
    private CategoryBoard _board = null!;
    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _board = new CategoryBoard(state.State.Standings, options.Value.MaxTracked);
        this.RegisterGrainTimer(_ => SaveIfChangedAsync(), new GrainTimerCreationOptions(options.Value.PersistInterval, options.Value.PersistInterval) { KeepAlive = false });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SaveIfChangedAsync();

    public Task ReportAsync(SkuStanding standing)
    {
        _board.Report(standing);
        _dirty = true;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string sku)
    {
        _dirty |= _board.Remove(sku);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SkuStanding>> GetLeadersAsync(LeaderboardSort sort, int count) => Task.FromResult(_board.Leaders(sort, count));

    public Task<IReadOnlyList<SkuStanding>> GetViewedNotBoughtAsync(int count, int minimumViews) => Task.FromResult(_board.ViewedNotBought(count, minimumViews));

    public Task<CategoryElasticity?> GetElasticityAsync() => Task.FromResult(_board.Elasticity());

    private async Task SaveIfChangedAsync()
    {
        if (!_dirty)
        {
            return;
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
