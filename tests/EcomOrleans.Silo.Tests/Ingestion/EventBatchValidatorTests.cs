using EcomOrleans.Silo.Ingestion;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EcomOrleans.Silo.Tests.Ingestion;

public sealed class EventBatchValidatorTests
{
    private const string IdRule = "must be 1-128 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit";
    private const string SkuRule = "must be 1-64 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 30, 0, TimeSpan.Zero);

    private readonly EventBatchValidator _validator = new(Options.Create(new IngestionOptions { MaxBatchSize = 3 }), new FakeTimeProvider(Now));

    public static TheoryData<string> BadIds => ["e-1\n", " e-1", "e-1 ", "e\0-1", new string('a', 129)];

    public static TheoryData<string> BadSkus => ["beauty-17\n", " beauty-17", "beauty-17 ", "beauty\0-17", new string('a', 65)];

    [Theory]
    [MemberData(nameof(BadIds))]
    public void TryValidate_BadEventId_RefusedWithTheIdRule(string eventId)
    {
        Assert.False(_validator.TryValidate(Batch(Event() with { EventId = eventId }), out _, out var rejection));

        Assert.Equal(IngestRejection.Invalid, rejection.Reason);
        Assert.Equal(new Dictionary<string, string[]> { ["events[0].eventId"] = [$"'eventId' {IdRule}."] }, rejection.Errors);
    }

    [Theory]
    [MemberData(nameof(BadSkus))]
    public void TryValidate_BadSku_RefusedWithTheSkuRule(string sku)
    {
        Assert.False(_validator.TryValidate(Batch(Event() with { Sku = sku }), out _, out var rejection));

        Assert.Equal(IngestRejection.Invalid, rejection.Reason);
        Assert.Equal(new Dictionary<string, string[]> { ["events[0].sku"] = [$"'sku' {SkuRule}."] }, rejection.Errors);
    }

    [Fact]
    public void TryValidate_LongestIdAndSku_Accepted()
    {
        var longest = Event() with { EventId = new string('a', 128), UserId = new string('u', 128), Sku = new string('s', 64) };

        Assert.True(_validator.TryValidate(Batch(longest), out var events, out var rejection));

        Assert.Null(rejection);
        Assert.Equal(new string('s', 64), Assert.Single(events).Sku);
    }

    [Theory]
    [InlineData("serum\0")]
    [InlineData("serum\nmatte")]
    [InlineData("\tserum")]
    public void TryValidate_SearchQueryWithAControlCharacter_Refused(string query)
    {
        Assert.False(_validator.TryValidate(Batch(Event() with { Kind = "search", Sku = null, Query = query }), out _, out var rejection));

        Assert.Equal(IngestRejection.Invalid, rejection.Reason);
        Assert.Equal(
            new Dictionary<string, string[]> { ["events[0].query"] = ["'query' must not contain control characters (such as NUL, tab or newline)."] },
            rejection.Errors);
    }

    [Fact]
    public void TryValidate_MoreEventsThanMaxBatchSize_IsOversized()
    {
        Assert.False(_validator.TryValidate(Batch(Event(), Event(), Event(), Event()), out _, out var rejection));

        Assert.Equal(IngestRejection.Oversized, rejection.Reason);
        Assert.Equal(["A batch holds at most 3 events; this one has 4."], rejection.Errors["events"]);
    }

    [Fact]
    public void TryValidate_NoTimestamp_StampedWithTheArrivalTime()
    {
        Assert.True(_validator.TryValidate(Batch(Event() with { Timestamp = null }), out var events, out _));

        Assert.Equal(Now, Assert.Single(events).Timestamp);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-11-20T10:15:00")]
    public void TryValidate_TimestampWithoutAnOffset_RefusedWithTheFormat(string timestamp)
    {
        Assert.False(_validator.TryValidate(Batch(Event() with { Timestamp = timestamp }), out _, out var rejection));

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["events[0].timestamp"] = [$"'timestamp' must be an ISO-8601 date and time with an offset, like 2026-11-23T10:15:00Z; got '{timestamp}'."],
            },
            rejection.Errors);
    }

    private static EventRequest Event() =>
        new("e-1", "u-1", "s-1", "view", "beauty-17", null, null, null, Now.ToString("O"), null);

    private static EventBatchRequest Batch(params EventRequest[] events) => new(events);
}
