using System.Net;
using EcomOrleans.Client;
using EcomOrleans.Client.Models;

namespace EcomOrleans.Silo.Tests.Client;

/// <summary>The typed client against the whole engine in process: its wire records are the ones the API reads and writes.</summary>
[Collection(EngineCollection.Name)]
public sealed class EcomOrleansClientEndToEndTests(EngineFactory engine) : IDisposable
{
    private readonly HttpClient _http = engine.CreateClient();

    [Fact]
    public async Task Client_PutSkuPostEventsGetRecommendations_RoundTripsThroughTheEngine()
    {
        var client = Client();
        var (sku, user, now) = ($"sku-{Guid.NewGuid():N}"[..20], $"u-{Guid.NewGuid():N}", engine.Time.GetUtcNow());
        ShopperEvent[] events =
        [
            new($"{user}-e1", user, "s-9", ShopperEventKind.Search, null, "matte lipstick", null, null, now.AddMinutes(-3)),
            new($"{user}-e2", user, "s-9", ShopperEventKind.View, sku, null, null, null, now.AddMinutes(-2)),
            new($"{user}-e3", user, "s-9", ShopperEventKind.Purchase, sku, null, 2, 12.50m, now.AddMinutes(-1)),
        ];

        var put = await client.PutSkuAsync(sku, new SkuRequest("Matte Lipstick", "makeup", "acme", 12.50m, 6.10m, 40, 7));
        var first = await client.PostEventsAsync(events);
        var again = await client.PostEventsAsync(events);
        var recs = await client.GetRecommendationsAsync(user, count: 5, sessionId: "s-9");
        var read = await client.GetSkuAsync(sku);
        var profile = await client.GetUserAsync(user);

        Assert.Equal((sku, 40, true), (put.Sku, put.Stock, put.InStock));
        Assert.Equal((new IngestResponse(3, 0), new IngestResponse(0, 3)), (first, again)); // a resent batch is recorded once
        Assert.False(string.IsNullOrEmpty(recs.RecommendationId));
        Assert.InRange(recs.Items.Count, 0, 5);
        Assert.DoesNotContain(recs.Items, i => i.Sku == sku); // just bought
        Assert.Equal((38, 2L, 25.00m), (read!.Stock, read.Totals.Units, read.Totals.Revenue));
        Assert.Equal((user, 3L), (profile!.UserId, profile.TotalEvents));
        Assert.Equal([ShopperEventKind.Search, ShopperEventKind.View, ShopperEventKind.Purchase], profile.RecentEvents.Select(e => e.Kind));
    }

    [Fact]
    public async Task Client_DemandAndForgetting_ReadTheEnginesAnswers()
    {
        var client = Client();
        var (sku, user, now) = ($"sku-{Guid.NewGuid():N}"[..20], $"u-{Guid.NewGuid():N}", engine.Time.GetUtcNow());
        await client.PutSkuAsync(sku, new SkuRequest("Serum", "skincare", "acme", 20m, 9m, 10, 3));
        var query = $"vegan serum {Guid.NewGuid():N}"[..20];
        await client.PostEventsAsync(
        [
            new($"{user}-e1", user, "s-1", ShopperEventKind.Search, null, query, null, null, now.AddMinutes(-1)),
            new($"{user}-e2", user, "s-1", ShopperEventKind.Purchase, sku, null, 1, 20m, now),
        ]);

        var demand = await client.GetSkuDemandAsync(sku, DemandGranularity.Hour);
        var gaps = await client.GetDemandGapsAsync(count: 500);
        await client.DeleteUserAsync(user);

        Assert.Equal((sku, DemandGranularity.Hour), (demand!.Sku, demand.Granularity));
        Assert.Equal((1L, 1L, 20m), (demand.Buckets.Sum(b => b.Counts.Purchases), demand.Buckets.Sum(b => b.Counts.Units), demand.Buckets.Sum(b => b.Counts.Revenue)));
        Assert.Equal(1L, Assert.Single(gaps.Searches, s => s.Query == query).Searches);
        Assert.Null(await client.GetUserAsync(user));
        Assert.Null(await client.GetSkuAsync("sku-never-put"));
    }

    [Fact]
    public async Task Client_BadBatch_SurfacesTheEnginesProblemWithEachError()
    {
        var at = engine.Time.GetUtcNow();

        var error = await Assert.ThrowsAsync<EcomOrleansApiException>(
            () => Client().PostEventsAsync([new("e-1", "u-42", "s-9", ShopperEventKind.Purchase, null, null, null, null, at)]));

        Assert.Equal((HttpStatusCode.BadRequest, "The batch was rejected; no event of it was accepted"), (error.StatusCode, error.Title));
        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["events[0].sku"] = ["'sku' is required for purchase events."],
                ["events[0].quantity"] = ["'quantity' is required for purchase events."],
            },
            error.Errors);
        Assert.False(string.IsNullOrEmpty(error.TraceId));
    }

    [Fact]
    public async Task Client_WrongKey_Surfaces401WithoutRetrying()
    {
        using var client = new EcomOrleansClient(_http, new EcomOrleansClientOptions { BaseAddress = _http.BaseAddress, ApiKey = "wrong-key-0123456789" });

        var error = await Assert.ThrowsAsync<EcomOrleansApiException>(() => client.DeleteUserAsync("u-42"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    public void Dispose() => _http.Dispose();

    private EcomOrleansClient Client() => new(_http, new EcomOrleansClientOptions { BaseAddress = _http.BaseAddress, ApiKey = EngineFactory.ApiKey });
}
