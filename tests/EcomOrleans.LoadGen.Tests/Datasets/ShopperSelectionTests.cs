using EcomOrleans.Events;
using EcomOrleans.LoadGen.Datasets;

namespace EcomOrleans.LoadGen.Tests.Datasets;

public sealed class ShopperSelectionTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ReplayScript Script = new(
        "test",
        [Sku("s1"), Sku("s2"), Sku("s3")],
        [Event("e1", "u1", "s1"), Event("e2", "u2", "s2"), Event("e3", "u1", "s1"), Event("e4", "u3", "s3"), Event("e5", "u2", "s2")]);

    [Fact]
    public void Select_FirstShoppers_KeepsOnlyTheirEventsInOrder_AndTheSkusTheyUse()
    {
        var selected = ShopperSelection.Select(Script, shoppers: 2, repeat: false, events: null);

        Assert.Equal(["e1", "e2", "e3", "e5"], selected.Events.Select(e => e.EventId));
        Assert.Equal(["s1", "s2"], selected.Catalog.Select(s => s.Sku));
    }

    [Fact]
    public void Select_Repeat_SendsThePassesAgainWithNewEventAndSessionIdsUntilTheCount()
    {
        var selected = ShopperSelection.Select(Script, shoppers: 1, repeat: true, events: 5);

        Assert.Equal(["e1", "e3", "e1:p1", "e3:p1", "e1:p2"], selected.Events.Select(e => e.EventId));
        Assert.Equal(["sess-u1", "sess-u1", "sess-u1:p1", "sess-u1:p1", "sess-u1:p2"], selected.Events.Select(e => e.SessionId));
        Assert.All(selected.Events, e => Assert.Equal("u1", e.UserId));
    }

    [Fact]
    public void Select_WithoutRepeat_TheCountIsALimit()
    {
        var selected = ShopperSelection.Select(Script, shoppers: null, repeat: false, events: 3);

        Assert.Equal(["e1", "e2", "e3"], selected.Events.Select(e => e.EventId));
    }

    [Fact]
    public void Select_NoShoppers_IsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ShopperSelection.Select(Script, shoppers: 0, repeat: false, events: null));

        Assert.StartsWith("Keep at least one shopper.", error.Message, StringComparison.Ordinal);
    }

    private static ReplayEvent Event(string id, string user, string sku) => new(id, user, $"sess-{user}", EventKind.View, sku, 1, null, At);

    private static SkuDefinition Sku(string sku) => new(sku, sku, "c", "b", 10m, 5m, 100, 3);
}
