using System.Text.Json;
using EcomOrleans.Events;

namespace EcomOrleans.Silo.Tests.Ingestion;

public sealed class EventKindsTests
{
    [Fact]
    public void AllWireNames_AreTheHttpContractsKindsInOrder()
    {
        Assert.Equal(["view", "click", "search", "add_to_cart", "remove_from_cart", "purchase"], EventKinds.AllWireNames);
        Assert.Equal(Enum.GetValues<EventKind>(), EventKinds.All);
    }

    [Fact]
    public void WireName_RoundTripsThroughTryParseAndJson_ForEveryKind()
    {
        foreach (var kind in EventKinds.All)
        {
            var wire = EventKinds.WireName(kind);
            Assert.True(EventKinds.TryParse(wire, out var parsed));
            Assert.Equal(kind, parsed);
            Assert.Equal($"\"{wire}\"", JsonSerializer.Serialize(kind));
            Assert.Equal(kind, JsonSerializer.Deserialize<EventKind>($"\"{wire}\""));
        }
    }

    [Theory]
    [InlineData("AddToCart")]
    [InlineData("ADD_TO_CART")]
    [InlineData("add_to_cart ")]
    [InlineData("3")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_RefusesAnythingButAnExactWireName(string? wire) =>
        Assert.False(EventKinds.TryParse(wire, out _));
}
