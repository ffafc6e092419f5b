using System.Text.Json;
using EcomOrleans.Grains.Common;

namespace EcomOrleans.Grains.Tests.Common;

public sealed class DedupRingTests
{
    [Fact]
    public void TryAdd_KeySeenWithinTheWindow_IsRefused()
    {
        var ring = new DedupRing(new DedupState(), capacity: 3);

        Assert.True(ring.TryAdd(1));
        Assert.True(ring.TryAdd(2));
        Assert.False(ring.TryAdd(1));
        Assert.Equal(2, ring.Count);
    }

    [Fact]
    public void TryAdd_BeyondCapacity_ForgetsTheOldestFirst()
    {
        var ring = new DedupRing(new DedupState(), capacity: 3);
        foreach (var key in new ulong[] { 1, 2, 3, 4 })
        {
            ring.TryAdd(key);
        }

        Assert.Equal([2UL, 3UL, 4UL], ring.Chronological());
        // 1 fell out of the window, so it counts as new again (and pushes out 2, now the oldest).
        Assert.True(ring.TryAdd(1));
        Assert.False(ring.TryAdd(3));
        Assert.Equal([3UL, 4UL, 1UL], ring.Chronological());
    }

    [Fact]
    public void Json_RoundTrip_KeepsKeysOrderAndNextSlot()
    {
        var state = new DedupState();
        var ring = new DedupRing(state, capacity: 3);
        foreach (var key in new ulong[] { ulong.MaxValue, 0x0123456789abcdef, 7, 8 })
        {
            ring.TryAdd(key);
        }

        var json = JsonSerializer.Serialize(state);
        var read = new DedupRing(JsonSerializer.Deserialize<DedupState>(json)!, capacity: 3);

        // Three 8-byte keys are 24 bytes: 32 characters of base64.
        Assert.Equal("""{"keys":"CAAAAAAAAADvzauJZ0UjAQcAAAAAAAAA","next":1}""", json);
        Assert.Equal([0x0123456789abcdefUL, 7UL, 8UL], read.Chronological());
        Assert.False(read.TryAdd(7));
    }

    [Fact]
    public void Constructor_WindowShrunkSinceItWasWritten_KeepsTheNewestKeys()
    {
        var state = new DedupState();
        var wide = new DedupRing(state, capacity: 4);
        foreach (var key in new ulong[] { 1, 2, 3, 4, 5 })
        {
            wide.TryAdd(key);
        }

        var narrow = new DedupRing(state, capacity: 2);

        Assert.Equal([4UL, 5UL], narrow.Chronological());
        Assert.True(narrow.TryAdd(2));
        Assert.Equal([5UL, 2UL], narrow.Chronological());
    }

    [Fact]
    public void Json_KeysNotAWholeNumberOfKeys_IsRefusedWithTheReason()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DedupState>("""{"keys":"AAAA","next":0}"""));

        Assert.Equal("A dedup window's keys must be a whole number of 8-byte keys.", error.Message);
    }
}
