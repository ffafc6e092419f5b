using EcomOrleans.Engine.Storage;
using EcomOrleans.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace EcomOrleans.Silo.Tests.Storage;

/// <summary>The embedded default's store checks ETags as the durable ones do (the contract tests run those).</summary>
[Collection(EngineCollection.Name)]
public sealed class MemoryStoreTests(EngineFactory engine)
{
    [Fact]
    public async Task Memory_AWriteOrClearWithAStaleETag_IsAnInconsistentStateException()
    {
        _ = engine.CreateClient();
        var storage = engine.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider);
        Assert.IsType<SerializingMemoryGrainStorage>(storage);
        var grain = GrainId.Create("contract", Guid.NewGuid().ToString("N"));
        var first = new GrainState<DurableStoreContractTests.ContractProbe>(new DurableStoreContractTests.ContractProbe { Count = 1 });
        await storage.WriteStateAsync("probe", grain, first);
        var stale = new GrainState<DurableStoreContractTests.ContractProbe>(new DurableStoreContractTests.ContractProbe { Count = 2 }) { ETag = first.ETag };
        await storage.WriteStateAsync("probe", grain, first);

        var write = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("probe", grain, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("probe", grain, stale));

        Assert.Equal($"The 'probe' state of {grain} was changed since this activation read it (stored ETag {first.ETag}, the grain's {stale.ETag}).", write.Message);
        var read = new GrainState<DurableStoreContractTests.ContractProbe>();
        await storage.ReadStateAsync("probe", grain, read);
        Assert.Equal((1, first.ETag, true), (read.State!.Count, read.ETag, read.RecordExists));
    }

    [Fact]
    public async Task Memory_ANewRecordWrittenWithAnETag_IsAnInconsistentStateException()
    {
        _ = engine.CreateClient();
        var storage = engine.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider);
        var grain = GrainId.Create("contract", Guid.NewGuid().ToString("N"));
        var written = new GrainState<DurableStoreContractTests.ContractProbe>(new DurableStoreContractTests.ContractProbe { Count = 1 });
        await storage.WriteStateAsync("probe", grain, written);
        await storage.ClearStateAsync("probe", grain, written);

        // The record was cleared by someone else after this state read it.
        var stale = new GrainState<DurableStoreContractTests.ContractProbe>(new DurableStoreContractTests.ContractProbe { Count = 2 }) { ETag = "7" };

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("probe", grain, stale));
        Assert.Equal($"The 'probe' state of {grain} was changed since this activation read it (stored ETag none, the grain's 7).", error.Message);
    }
}
