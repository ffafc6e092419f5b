using EcomOrleans.Events;
using EcomOrleans.Grains.Users;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Tests.Users;

public sealed class BehaviorSequenceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_BeyondCapacity_DropsTheOldestAndKeepsTimeOrder()
    {
        var sequence = new BehaviorSequence([], capacity: 3);

        foreach (var (sku, minute) in new[] { ("a", 1), ("b", 2), ("d", 4), ("c", 3) })
        {
            sequence.Add(View(sku, minute));
        }

        // c arrived late and slots in before d; a, the oldest, goes.
        Assert.Equal(["b", "c", "d"], sequence.Entries.Select(e => e.Sku));
    }

    [Fact]
    public void Add_ManyEvents_ListNeverHoldsMoreSlotsThanTheCapacity()
    {
        List<SequenceEntry> entries = [];
        var sequence = new BehaviorSequence(entries, capacity: 50);

        for (var minute = 0; minute < 120; minute++)
        {
            sequence.Add(View($"sku-{minute}", minute));
        }

        // A list that grew by doubling would hold 64 slots for 50 entries.
        Assert.Equal((50, 50), (entries.Count, entries.Capacity));
        Assert.Equal(("sku-70", "sku-119"), (entries[0].Sku, entries[^1].Sku));
    }

    [Fact]
    public void Add_Full_AnEventOlderThanTheWholeWindowIsNotKept()
    {
        var sequence = new BehaviorSequence([], capacity: 2);
        sequence.Add(View("a", 2));
        sequence.Add(View("b", 3));

        sequence.Add(View("late", 1));

        Assert.Equal(["a", "b"], sequence.Entries.Select(e => e.Sku));
    }

    [Fact]
    public void Add_WindowShrunkByConfiguration_KeepsTheNewestCapacityEntries()
    {
        List<SequenceEntry> entries = [.. Enumerable.Range(0, 5).Select(m => View($"sku-{m}", m))];
        var sequence = new BehaviorSequence(entries, capacity: 3);

        sequence.Add(View("sku-5", 5));

        Assert.Equal(["sku-3", "sku-4", "sku-5"], sequence.Entries.Select(e => e.Sku));
    }

    [Fact]
    public void SequenceEntry_KeepsTheOffsetPriceAndQueryItWasGiven()
    {
        var at = new DateTimeOffset(2026, 11, 20, 11, 15, 0, TimeSpan.FromHours(1));

        var purchase = new SequenceEntry(EventKind.Purchase, "a", at, "s-1", 2, 12.50m);
        var search = new SequenceEntry(EventKind.Search, null, at, "s-1", Query: "serum");
        var both = new SequenceEntry(EventKind.Purchase, "a", at, "s-1", 3, 0.01m, "serum");

        Assert.Equal((at, at.Offset, 2, (decimal?)12.50m, (string?)null), (purchase.Timestamp, purchase.Timestamp.Offset, purchase.Quantity, purchase.Price, purchase.Query));
        Assert.Equal(((decimal?)null, (string?)"serum", false), (search.Price, search.Query, search.IsItemEvent));
        Assert.Equal(((decimal?)0.01m, (string?)"serum", 3), (both.Price, both.Query, both.Quantity));
        Assert.Equal(new SequenceEntry(EventKind.Purchase, "a", at, "s-1", 2, 12.50m), purchase);
        Assert.NotEqual(new SequenceEntry(EventKind.Purchase, "a", at, "s-1", 2, 12.51m), purchase);
    }

    [Fact]
    public void ModelItems_ItemEventsOnly_RepeatsInARowCollapsed()
    {
        var sequence = new BehaviorSequence([], capacity: 10);
        sequence.Add(View("a", 1));
        sequence.Add(View("a", 2));
        sequence.Add(new SequenceEntry(EventKind.Search, null, T0.AddMinutes(3), "s-1", Query: "serum"));
        sequence.Add(new SequenceEntry(EventKind.RemoveFromCart, "x", T0.AddMinutes(4), "s-1"));
        sequence.Add(View("b", 5));
        sequence.Add(View("a", 6));

        Assert.Equal(["a", "b", "a"], sequence.ModelItems());
    }

    [Theory]
    [InlineData(true, true, new[] { "bought", "kept" })]
    [InlineData(true, false, new[] { "bought" })]
    [InlineData(false, true, new[] { "kept" })]
    [InlineData(false, false, new string[0])]
    public void Unrecommendable_RemovedAndBoughtItemsLeaveTheCart(bool purchased, bool inCart, string[] expected)
    {
        var sequence = new BehaviorSequence([], capacity: 10);
        sequence.Add(new SequenceEntry(EventKind.AddToCart, "kept", T0.AddMinutes(1), "s-1"));
        sequence.Add(new SequenceEntry(EventKind.AddToCart, "removed", T0.AddMinutes(2), "s-1"));
        sequence.Add(new SequenceEntry(EventKind.AddToCart, "bought", T0.AddMinutes(3), "s-1"));
        sequence.Add(new SequenceEntry(EventKind.AddToCart, "kept", T0.AddMinutes(3.5), "s-1"));
        sequence.Add(new SequenceEntry(EventKind.RemoveFromCart, "removed", T0.AddMinutes(4), "s-1"));
        sequence.Add(new SequenceEntry(EventKind.Purchase, "bought", T0.AddMinutes(5), "s-1", 1, 9.99m));

        var excluded = sequence.Unrecommendable(purchased, inCart, room: 10);

        Assert.Equal(expected, excluded.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unrecommendable_ABoughtItemStaysOutAfterItIsAddedAndRemovedAgain()
    {
        var sequence = new BehaviorSequence([], capacity: 10);
        sequence.Add(new SequenceEntry(EventKind.Purchase, "bought", T0.AddMinutes(1), "s-1", 1, 9.99m));
        sequence.Add(new SequenceEntry(EventKind.AddToCart, "bought", T0.AddMinutes(2), "s-1"));
        sequence.Add(new SequenceEntry(EventKind.RemoveFromCart, "bought", T0.AddMinutes(3), "s-1"));

        Assert.Equal(["bought"], sequence.Unrecommendable(purchased: true, inCart: true, room: 10));
    }

    [Fact]
    public void ViewedBefore_SameSessionEarlierViewsAndClicks_LatestDistinctOthers()
    {
        var sequence = new BehaviorSequence([], capacity: 10);
        sequence.Add(View("a", 1));
        sequence.Add(View("b", 2, session: "other"));
        sequence.Add(new SequenceEntry(EventKind.Click, "c", T0.AddMinutes(3), "s-1"));
        sequence.Add(View("a", 4));
        sequence.Add(View("d", 5));
        sequence.Add(View("e", 7));

        // b is another session's, d the SKU itself, e later; a counts once, in first-seen order.
        Assert.Equal(["a", "c"], sequence.ViewedBefore("s-1", T0.AddMinutes(6), "d", take: 2));
        Assert.Equal(["c"], sequence.ViewedBefore("s-1", T0.AddMinutes(6), "d", take: 1));
    }

    private static SequenceEntry View(string sku, int minute, string session = "s-1") => new(EventKind.View, sku, T0.AddMinutes(minute), session);
}
