using System.Text.Json;
using EcomOrleans.Events;
using EcomOrleans.Grains.Storage;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Tests.Storage;

public sealed class SequenceEntryJsonConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new SequenceEntryJsonConverter() } };
    private static readonly DateTimeOffset At = new(2026, 11, 20, 11, 15, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Write_AView_LeavesOutTheDefaults()
    {
        var json = JsonSerializer.Serialize(new SequenceEntry(EventKind.View, "beauty-17", At, "s-9"), Options);

        Assert.Equal("""{"Kind":"view","Sku":"beauty-17","Timestamp":"2026-11-20T11:15:00+01:00","SessionId":"s-9"}""", json);
    }

    [Fact]
    public void Write_APurchaseAndASearch_KeepQuantityPriceAndQuery()
    {
        var purchase = JsonSerializer.Serialize(new SequenceEntry(EventKind.Purchase, "beauty-17", At, "s-9", 2, 12.50m), Options);
        var search = JsonSerializer.Serialize(new SequenceEntry(EventKind.Search, null, At, "s-9", Query: "matte lipstick"), Options);

        Assert.Equal("""{"Kind":"purchase","Sku":"beauty-17","Timestamp":"2026-11-20T11:15:00+01:00","SessionId":"s-9","Quantity":2,"Price":12.50}""", purchase);
        Assert.Equal("""{"Kind":"search","Sku":null,"Timestamp":"2026-11-20T11:15:00+01:00","SessionId":"s-9","Query":"matte lipstick"}""", search);
    }

    [Theory]
    [InlineData(EventKind.View, "beauty-17", 1, null, null)]
    [InlineData(EventKind.Search, null, 1, null, "serum")]
    [InlineData(EventKind.AddToCart, "beauty-3", 3, "0.01", null)]
    [InlineData(EventKind.Purchase, "beauty-3", 1_000, "999999.99", "both set")]
    public void RoundTrip_GivesTheSameEntry(EventKind kind, string? sku, int quantity, string? price, string? query)
    {
        var entry = new SequenceEntry(kind, sku, At, "s-1", quantity, price is null ? null : decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), query);

        var read = JsonSerializer.Deserialize<SequenceEntry>(JsonSerializer.Serialize(entry, Options), Options);

        Assert.Equal(entry, read);
        Assert.Equal(At.Offset, read.Timestamp.Offset);
    }

    [Fact]
    public void Read_TheFullFormWrittenBefore_IgnoresIsItemEvent()
    {
        const string json = """{"Kind":"add_to_cart","Sku":"beauty-17","Timestamp":"2026-11-20T11:15:30+01:00","SessionId":"s-9","Quantity":2,"Price":12.50,"Query":null,"IsItemEvent":true}""";

        var read = JsonSerializer.Deserialize<SequenceEntry>(json, Options);

        Assert.Equal(new SequenceEntry(EventKind.AddToCart, "beauty-17", At.AddSeconds(30), "s-9", 2, 12.50m), read);
    }

    [Theory]
    [InlineData("""{"Kind":"view","Sku":"a","Timestamp":"2026-11-20T11:15:00+01:00"}""", "A sequence entry needs Kind, Timestamp and SessionId.")]
    [InlineData("""["view"]""", "A sequence entry must be a JSON object.")]
    public void Read_Malformed_FailsWithTheReason(string json, string message)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SequenceEntry>(json, Options));

        Assert.Equal(message, error.Message);
    }
}
