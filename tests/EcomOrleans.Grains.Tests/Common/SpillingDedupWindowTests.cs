using EcomOrleans.Grains.Common;

namespace EcomOrleans.Grains.Tests.Common;

public sealed class SpillingDedupWindowTests
{
    [Fact]
    public async Task AddAsync_UnderSpillAt_KeepsTheKeysPendingAndNeverTouchesTheStore()
    {
        var (pending, store) = (new DedupState(), new FakeSpillStore());
        var window = new SpillingDedupWindow(pending, DedupFingerprints.Empty, capacity: 10, spillAt: 4, store);

        var fresh = await window.AddAsync([1, 2, 1, 3]);
        var spilled = await window.SpillIfDueAsync();

        Assert.Equal([true, true, false, true], fresh);
        Assert.False(spilled);
        Assert.Equal([1UL, 2UL, 3UL], new DedupRing(pending, 10).Chronological());
        Assert.Equal((0, 0), (store.Reads, store.Writes));
    }

    [Fact]
    public async Task SpillIfDueAsync_AtSpillAt_MovesThePendingKeysToTheStoreAndKeepsTheirFingerprints()
    {
        var (pending, store) = (new DedupState(), new FakeSpillStore());
        var window = new SpillingDedupWindow(pending, DedupFingerprints.Empty, capacity: 10, spillAt: 4, store);

        await window.AddAsync([1, 2, 3, 4]);
        var spilled = await window.SpillIfDueAsync();

        Assert.True(spilled);
        Assert.Equal(0, pending.Count);
        Assert.Empty(pending.Keys);
        Assert.Equal([1UL, 2UL, 3UL, 4UL], store.Keys());
        Assert.Equal(4, window.Spilled.Count);
        Assert.All(new ulong[] { 1, 2, 3, 4 }, key => Assert.True(window.Spilled.MayContain(key)));
        Assert.Equal((1, 1), (store.Reads, store.Writes));
    }

    [Fact]
    public async Task AddAsync_KeySpilledInAnEarlierBatch_IsADuplicateReadFromTheStore()
    {
        var (pending, store) = (new DedupState(), new FakeSpillStore());
        var spilled = await SpillAsync(pending, store, 1, 2, 3, 4);

        var next = new SpillingDedupWindow(pending, spilled, capacity: 10, spillAt: 4, store);
        var fresh = await next.AddAsync([5, 3]);

        Assert.Equal([true, false], fresh);
        // One read for the batch, to check 3 against the stored keys; 5 matched no fingerprint.
        Assert.Equal(2, store.Reads);
        Assert.Equal([5UL], new DedupRing(pending, 10).Chronological());
    }

    [Fact]
    public async Task AddAsync_NoKeyMatchesAFingerprint_DoesNotReadTheStore()
    {
        var (pending, store) = (new DedupState(), new FakeSpillStore());
        var spilled = await SpillAsync(pending, store, 1, 2, 3, 4);

        var next = new SpillingDedupWindow(pending, spilled, capacity: 10, spillAt: 4, store);
        var fresh = await next.AddAsync([5, 6]);

        Assert.Equal([true, true], fresh);
        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task AddAsync_AFingerprintMatchOfANewKey_ReadsTheStoreAndTakesTheKeyAsNew()
    {
        // The fingerprint of 9 without 9 in the store stands in for the one-in-17,000 false match: the stored keys decide.
        var (pending, store) = (new DedupState(), new FakeSpillStore());
        store.Seed(1, 2, 3);
        var window = new SpillingDedupWindow(pending, FingerprintsOf(9, 2), capacity: 10, spillAt: 4, store);

        var fresh = await window.AddAsync([9, 2]);

        Assert.Equal([true, false], fresh);
        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task SpillIfDueAsync_BeyondCapacity_ForgetsTheOldestSpilledKeysOnly()
    {
        var (pending, store) = (new DedupState(), new FakeSpillStore());
        var spilled = DedupFingerprints.Empty;
        for (ulong batch = 0; batch < 4; batch++)
        {
            var window = new SpillingDedupWindow(pending, spilled, capacity: 6, spillAt: 3, store);
            await window.AddAsync([(batch * 3) + 1, (batch * 3) + 2, (batch * 3) + 3]);
            await window.SpillIfDueAsync();
            spilled = window.Spilled;
        }

        // Twelve keys through a window of 6: the last 6 are stored, oldest first.
        Assert.Equal([7UL, 8UL, 9UL, 10UL, 11UL, 12UL], store.Keys());
        var after = new SpillingDedupWindow(pending, spilled, capacity: 6, spillAt: 3, store);
        var fresh = await after.AddAsync([6, 7, 12]);
        Assert.Equal([true, false, false], fresh);
    }

    [Fact]
    public async Task SpillIfDueAsync_PendingKeysAlreadyStored_AreNotStoredTwice()
    {
        // The grain's own write failed after a spill: its stored pending keys are in the record too.
        var (pending, store) = (new DedupState(), new FakeSpillStore());
        store.Seed(1, 2, 3);
        var ring = new DedupRing(pending, 10);
        foreach (var key in new ulong[] { 1, 2, 3 })
        {
            ring.TryAdd(key);
        }

        var window = new SpillingDedupWindow(pending, DedupFingerprints.Empty, capacity: 10, spillAt: 3, store);
        await window.SpillIfDueAsync();

        Assert.Equal([1UL, 2UL, 3UL], store.Keys());
    }

    [Fact]
    public async Task SpillIfDueAsync_TheStoreRefusesTheWrite_KeepsThePendingKeys()
    {
        var (pending, store) = (new DedupState(), new FakeSpillStore { FailWrites = true });
        var window = new SpillingDedupWindow(pending, DedupFingerprints.Empty, capacity: 10, spillAt: 2, store);
        await window.AddAsync([1, 2]);

        var error = await Assert.ThrowsAsync<IOException>(window.SpillIfDueAsync);

        Assert.Equal("the store is down", error.Message);
        Assert.Equal([1UL, 2UL], new DedupRing(pending, 10).Chronological());
        Assert.Same(DedupFingerprints.Empty, window.Spilled);
    }

    [Fact]
    public void Constructor_AWindowSmallerThanSpillAt_SpillsAtTheWindow()
    {
        var window = new SpillingDedupWindow(new DedupState(), DedupFingerprints.Empty, capacity: 5, spillAt: 64, new FakeSpillStore());

        Assert.Equal(5, window.SpillAt);
    }

    /// <summary>Adds <paramref name="keys"/> (as many as spill at 4) and spills them; the fingerprints after.</summary>
    private static async Task<DedupFingerprints> SpillAsync(DedupState pending, FakeSpillStore store, params ulong[] keys)
    {
        var window = new SpillingDedupWindow(pending, DedupFingerprints.Empty, capacity: 10, spillAt: 4, store);
        await window.AddAsync(keys);
        Assert.True(await window.SpillIfDueAsync());
        return window.Spilled;
    }

    private static DedupFingerprints FingerprintsOf(params ulong[] keys) =>
        DedupFingerprints.Of(new DedupState { Keys = keys, Count = keys.Length, Next = keys.Length });

    private sealed class FakeSpillStore : IDedupSpillStore
    {
        private DedupState _stored = new();

        public int Reads { get; private set; }

        public int Writes { get; private set; }

        public bool FailWrites { get; init; }

        public void Seed(params ulong[] keys)
        {
            _stored = new DedupState { Keys = keys, Count = keys.Length, Next = keys.Length };
        }

        public ulong[] Keys() => [.. new DedupRing(Copy(_stored), 1_000_000).Chronological()];

        public Task<DedupState> ReadAsync()
        {
            Reads++;
            return Task.FromResult(Copy(_stored));
        }

        public Task WriteAsync(DedupState window)
        {
            if (FailWrites)
            {
                throw new IOException("the store is down");
            }

            Writes++;
            _stored = Copy(window);
            return Task.CompletedTask;
        }

        public Task ClearAsync()
        {
            _stored = new DedupState();
            return Task.CompletedTask;
        }

        private static DedupState Copy(DedupState state) => new() { Keys = [.. state.Keys], Count = state.Count, Next = state.Next };
    }
}
