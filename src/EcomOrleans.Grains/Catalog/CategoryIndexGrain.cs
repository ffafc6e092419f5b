using EcomOrleans.Catalog;
using EcomOrleans.Grains.Storage;
using Orleans.Concurrency;

namespace EcomOrleans.Grains.Catalog;

/// <summary>The SKUs of one category; reentrant with group commit, as catalog loads put many SKUs at once.</summary>
[Reentrant]
[GrainType("category-index")]
public sealed class CategoryIndexGrain : Grain, ICategoryIndexGrain
{
    private readonly IPersistentState<CategoryIndexState> _state;
    private readonly StateWriteCoalescer _writer;

    public CategoryIndexGrain([PersistentState(StorageNames.CategoryIndexState, StorageNames.Provider)] IPersistentState<CategoryIndexState> state)
    {
        _state = state;
        _writer = new StateWriteCoalescer(() => _state.WriteStateAsync());
    }

    public Task AddAsync(string sku) => _state.State.Skus.Add(sku) ? _writer.FlushAsync() : _writer.WhenDurableAsync();

    public Task RemoveAsync(string sku) => _state.State.Skus.Remove(sku) ? _writer.FlushAsync() : _writer.WhenDurableAsync();

    public Task<IReadOnlyList<string>> GetSkusAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. _state.State.Skus.Order(StringComparer.Ordinal)]);
}
