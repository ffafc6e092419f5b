using EcomOrleans.Events;
using EcomOrleans.Engine.Storage;
using EcomOrleans.LoadGen.Datasets;
using Orleans.Core.Internal;
using EcomOrleans.LoadGen.Replay;
using EcomOrleans.Skus;
using EcomOrleans.Users;
using Spectre.Console;

namespace EcomOrleans.LoadGen.Memory;

/// <summary>
/// Measures what activations cost: a data set's catalog and shoppers replayed into an in-process silo, then
/// <see cref="FullShopper"/>s with full default windows. Each group's heap is what a full collection keeps with it
/// active minus what it keeps once the group is deactivated (its state stays in <see cref="SerializingMemoryGrainStorage"/>,
/// which also gives the stored bytes).
/// </summary>
public sealed class MemoryBenchmark(InProcessSilo silo, SerializingMemoryGrainStorage storage, TimeProvider time, IAnsiConsole console)
{
    private const int Lanes = 8;
    private const int BatchSize = 100;

    public async Task<MemoryReport> RunAsync(ReplayScript script, int fullShoppers, CancellationToken cancellationToken)
    {
        var grains = silo.Grains;
        await ForEachAsync(script.Catalog, sku => grains.Reference<ISkuGrain>(sku.Sku)
            .UpsertCatalogAsync(new SkuCatalog(sku.Title, sku.Category, sku.Brand, sku.Price, sku.Cost, 1_000_000, sku.LeadTimeDays)), cancellationToken);
        console.MarkupLineInterpolated($"[grey]catalog: {script.Catalog.Count:N0} SKUs[/]");

        var byUser = script.Events.GroupBy(e => e.UserId, StringComparer.Ordinal).ToList();
        await ForEachAsync(byUser, async user =>
        {
            foreach (var chunk in user.Chunk(BatchSize))
            {
                await grains.Reference<IUserGrain>(user.Key).RecordEventsAsync(GrainSink.ToBehaviorEvents(chunk));
            }
        }, cancellationToken);
        console.MarkupLineInterpolated($"[grey]replay: {byUser.Count:N0} users, {script.Events.Length:N0} events[/]");

        var replayUsers = byUser.Select(u => grains.Reference<IUserGrain>(u.Key)).ToList();
        var skus = script.Catalog.Select(s => grains.Reference<ISkuGrain>(s.Sku)).ToList();
        var (bytesPerReplayUser, storedPerReplayUser, _) = await MeasureAsync(replayUsers, cancellationToken);
        var (bytesPerSku, storedPerSku, _) = await MeasureAsync(skus, cancellationToken);

        var pool = script.Catalog.Take(1_000).Select(s => s.Sku).ToList();
        var end = time.GetUtcNow();
        var done = 0;
        await ForEachAsync(Enumerable.Range(0, fullShoppers).ToList(), async index =>
        {
            var events = FullShopper.For(index, pool, end);
            var grain = grains.Reference<IUserGrain>(events[0].UserId);
            foreach (var chunk in events.Chunk(BatchSize))
            {
                await grain.RecordEventsAsync(chunk);
            }

            if (Interlocked.Increment(ref done) % 500 == 0)
            {
                console.MarkupLineInterpolated($"[grey]full shoppers: {done:N0} of {fullShoppers:N0}[/]");
            }
        }, cancellationToken);

        var full = Enumerable.Range(0, fullShoppers).Select(i => grains.Reference<IUserGrain>($"bench-user-{i:D7}")).ToList();
        var (bytesPerUser, storedPerUser, peak) = await MeasureAsync(full, cancellationToken);

        // The floor: a shopper with one event (a read of an unknown user deactivates its grain at once, so it holds nothing).
        var single = Enumerable.Range(0, fullShoppers).Select(i => grains.Reference<IUserGrain>($"bench-single-{i:D7}")).ToList();
        await ForEachAsync(Enumerable.Range(0, fullShoppers).ToList(), index => single[index].RecordEventsAsync(
            [new BehaviorEvent($"bench-single-event-{index:D7}", $"bench-single-{index:D7}", "bench-session", EventKind.View, pool[index % pool.Count], null, 1, null, end)]), cancellationToken);
        var (bytesPerOneEventUser, storedPerOneEventUser, _) = await MeasureAsync(single, cancellationToken);
        return new MemoryReport(
            fullShoppers, FullShopper.Events, bytesPerUser, storedPerUser,
            byUser.Count, script.Events.Length, bytesPerReplayUser, storedPerReplayUser,
            skus.Count, bytesPerSku, storedPerSku, peak, bytesPerOneEventUser, storedPerOneEventUser);
    }

    /// <summary>Heap per activation of <paramref name="group"/> and its mean stored bytes; deactivates the group.</summary>
    private async Task<(long PerGrain, long Stored, long Heap)> MeasureAsync<TGrain>(IReadOnlyList<TGrain> group, CancellationToken cancellationToken)
        where TGrain : IAddressable
    {
        // Background work the events started (embedding refreshes, 250 ms after a batch) finishes first.
        await Task.Delay(TimeSpan.FromSeconds(2), time, cancellationToken);
        var active = Heap();
        var stored = (long)group.Average(g => storage.StoredBytes(g.GetGrainId()));
        await ForEachAsync(group, g => g.AsReference<IGrainManagementExtension>().DeactivateOnIdle().AsTask(), cancellationToken);
        await WhenActivationsSettleAsync(cancellationToken);
        var idle = Heap();
        var perGrain = (active - idle) / Math.Max(1, group.Count);
        console.MarkupLineInterpolated($"[grey]{group.Count:N0} activations: heap {active / 1e6:N1} MB active, {idle / 1e6:N1} MB after deactivating them: {perGrain:N0} B each, {stored:N0} B stored each[/]");
        return (perGrain, stored, active);
    }

    private async Task WhenActivationsSettleAsync(CancellationToken cancellationToken)
    {
        var management = silo.Grains.Reference<IManagementGrain>(0);
        var last = -1;
        for (var stable = 0; stable < 3;)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
            var count = await management.GetTotalActivationCount();
            stable = count == last ? stable + 1 : 0;
            last = count;
        }
    }

    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static Task ForEachAsync<T>(IReadOnlyList<T> items, Func<T, Task> action, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Lanes, CancellationToken = cancellationToken }, async (item, _) => await action(item));
}
