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
    private long _publishedAt;

    /// <summary>How stale the metrics of a busy board may get: it republishes on a report at most this often.</summary>
    private static readonly TimeSpan PublishInterval = TimeSpan.FromSeconds(5);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _board = new CategoryBoard(state.State.Standings, options.Value.MaxTracked);
        Publish();
        this.RegisterGrainTimer(_ => SaveIfChangedAsync(), new GrainTimerCreationOptions(options.Value.PersistInterval, options.Value.PersistInterval) { KeepAlive = false });
        return Task.CompletedTask;
    }

    private string Category => this.GetPrimaryKeyString();

    private void Publish()
    {
        instruments.Publish(Category, _board.Standings.Values.ToArray());
        _publishedAt = time.GetTimestamp();
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
        _dirty = true;
        if (time.GetElapsedTime(_publishedAt) >= PublishInterval)
        {
            Publish();
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(string sku)
    {
        _dirty |= _board.Remove(sku);
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
