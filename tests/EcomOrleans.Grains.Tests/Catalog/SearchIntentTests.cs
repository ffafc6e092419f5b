using EcomOrleans.Catalog;
using EcomOrleans.Events;
using EcomOrleans.Grains.Catalog;
using EcomOrleans.Grains.Tests.Recommendations;
using EcomOrleans.Grains.Users;
using EcomOrleans.Recommendations;
using EcomOrleans.Skus;
using EcomOrleans.Users;
using Microsoft.Extensions.DependencyInjection;

namespace EcomOrleans.Grains.Tests.Catalog;

/// <summary>
/// A session that just searched gets what it searched for first. The fake inference grain embeds text as a bag of
/// words, so a one-word search matches a five-word listing text containing it at about 1/sqrt(5) = 0.447 (more where
/// two of its words share a dimension).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SearchIntentTests(ClusterFixture fixture)
{
    private static DateTimeOffset Now => ClusterFixture.Time.GetUtcNow();

    private CatalogTextIndex Index => fixture.Silo.GetRequiredService<CatalogTextIndex>();

    [Fact]
    public async Task Recommend_AfterASearch_PutsTheMatchingSkuFirstWithTheReasonSearch()
    {
        var word = QueryWordNothingMatches("lipstick", "Hiking Boots trail shoes", "Wool Socks trail shoes");
        var (lipstick, boots, socks) = (Events.NewKey("lipstick"), Events.NewKey("boots"), Events.NewKey("socks"));
        FakeInferenceGrain.Catalog = new() { [lipstick] = [0.1f, 0, 0, 0], [boots] = [1f, 0, 0, 0], [socks] = [0.5f, 0, 0, 0] };
        await Put(lipstick, $"Matte Red {word}", "acme", "makeup");
        await Put(boots, "Hiking Boots", "trail", "shoes");
        await Put(socks, "Wool Socks", "trail", "shoes");
        await EmbedPendingAsync();
        var user = Events.NewKey("u");
        var grain = fixture.Grains.GetGrain<IUserGrain>(user);
        await grain.RecordEventsAsync([Events.Of(user, EventKind.View, Now, boots)]);
        var before = await grain.RecommendAsync(new RecommendationRequest(3, "s-1", null));

        await grain.RecordEventsAsync([Events.Of(user, EventKind.Search, Now, sku: null, query: word)]);
        var after = await grain.RecommendAsync(new RecommendationRequest(3, "s-1", null));

        // Before: the model's order (boots 1, socks 0.5, lipstick 0.1). After: lipstick first, at its similarity.
        Assert.Equal([(boots, "personalized"), (socks, "personalized"), (lipstick, "personalized")], before.Items.Select(i => (i.Sku, i.Reason)));
        Assert.Equal([(lipstick, "search"), (boots, "personalized"), (socks, "personalized")], after.Items.Select(i => (i.Sku, i.Reason)));
        var similarity = Similarity(word, $"Matte Red {word} acme makeup");
        Assert.Equal(similarity, after.Items[0].Score, 1e-5f);
    }

    [Fact]
    public async Task Recommend_SearchInAnotherSession_OrMatchingNothingInStock_LeansNowhere()
    {
        var word = QueryWordNothingMatches("lipstick", "Hiking Boots trail shoes");
        var (lipstick, boots) = (Events.NewKey("lipstick"), Events.NewKey("boots"));
        FakeInferenceGrain.Catalog = new() { [lipstick] = [0.1f, 0, 0, 0], [boots] = [1f, 0, 0, 0] };
        await Put(lipstick, $"Matte Red {word}", "acme", "makeup");
        await Put(boots, "Hiking Boots", "trail", "shoes");
        await EmbedPendingAsync();
        var user = Events.NewKey("u");
        var grain = fixture.Grains.GetGrain<IUserGrain>(user);
        await grain.RecordEventsAsync([Events.Of(user, EventKind.View, Now, boots), Events.Of(user, EventKind.Search, Now, sku: null, query: word, sessionId: "s-other")]);

        var otherSession = await grain.RecommendAsync(new RecommendationRequest(2, "s-1", null));
        await fixture.Grains.GetGrain<ISkuGrain>(lipstick).UpsertCatalogAsync(new SkuCatalog($"Matte Red {word}", "makeup", "acme", 10m, 4m, 0, 7));
        var soldOut = await grain.RecommendAsync(new RecommendationRequest(2, "s-other", null));

        Assert.Equal([(boots, "personalized"), (lipstick, "personalized")], otherSession.Items.Select(i => (i.Sku, i.Reason)));
        // The search matches only the sold-out lipstick: nothing leans; the fallbacks may fill the second place.
        Assert.Equal((boots, "personalized"), (soldOut.Items[0].Sku, soldOut.Items[0].Reason));
        Assert.DoesNotContain(soldOut.Items, i => i.Sku == lipstick || i.Reason == "search");
    }

    [Fact]
    public async Task ASearchThatNamedNoItem_FeedsTheCategoryOfWhatItMatches()
    {
        // A tag whose query word lands in no dimension of the boots' text, nor of any text other tests of this shared
        // cluster left in the index (the fake's 256 dimensions collide: once in CI the query also matched a garden
        // SKU and a makeup SKU of another test).
        string tag;
        do
        {
            tag = Guid.NewGuid().ToString("N")[..8];
        }
        while (Similarity($"lipstick{tag}", $"Hiking Boots trail shoes-{tag}") != 0
            || Index.Nearest(FakeInferenceGrain.BagOfWords($"lipstick{tag}"), 1, float.Epsilon, _ => true).Count > 0);
        var (lipstick, boots) = (Events.NewKey("lipstick"), Events.NewKey("boots"));
        var (makeup, shoes) = ($"makeup-{tag}", $"shoes-{tag}");
        await Put(lipstick, $"Matte lipstick{tag}", "acme", makeup);
        await Put(boots, "Hiking Boots", "trail", shoes);
        await EmbedPendingAsync();
        var user = Events.NewKey("u");
        var grain = fixture.Grains.GetGrain<IUserGrain>(user);

        await grain.RecordEventsAsync([Events.Of(user, EventKind.Search, Now, sku: null, query: $"lipstick{tag}")]);
        var profile = await AfterTheSearchRefreshAsync(grain);

        // One match (the lipstick; the boots share no word): a view's weight, 1, all to makeup, decayed by a second.
        Assert.Equal([makeup], profile!.CategoryAffinities.Select(a => a.Category));
        Assert.Equal(1.0, profile.CategoryAffinities[0].Score, 3);
    }

    [Fact]
    public async Task ABurstOfSearches_FeedsTheAffinitiesWithTheLatestSixteenOnly()
    {
        string tag;
        do
        {
            tag = Guid.NewGuid().ToString("N")[..8];
        }
        while (Index.Nearest(FakeInferenceGrain.BagOfWords($"mascara{tag}"), 1, float.Epsilon, _ => true).Count > 0);
        var (mascara, makeup) = (Events.NewKey("mascara"), $"makeup-{tag}");
        await Put(mascara, $"Volume mascara{tag}", "acme", makeup);
        await EmbedPendingAsync();
        var user = Events.NewKey("u");
        var grain = fixture.Grains.GetGrain<IUserGrain>(user);

        // Twenty searches in one batch, all before the refresh: each would add a view's weight to makeup.
        await grain.RecordEventsAsync([.. Enumerable.Range(0, 20).Select(_ => Events.Of(user, EventKind.Search, Now, sku: null, query: $"mascara{tag}"))]);
        var profile = await AfterTheSearchRefreshAsync(grain);

        // The refresh mapped the latest MaxPendingSearches (16) of the 20: that many views' weight, decayed by a second.
        Assert.Equal([makeup], profile!.CategoryAffinities.Select(a => a.Category));
        Assert.Equal(UserGrain.MaxPendingSearches, profile.CategoryAffinities[0].Score, 2);
    }

    /// <summary>
    /// The profile once the background refresh has mapped the user's searches: the refresh is due when its delay has
    /// passed on the cluster's clock, and runs on the silo's scheduler, so this waits for its result (not for time to
    /// pass), at most 10 s on a loaded machine.
    /// </summary>
    private static async Task<UserProfile?> AfterTheSearchRefreshAsync(IUserGrain grain)
    {
        ClusterFixture.Time.Advance(TimeSpan.FromSeconds(1));
        var profile = await grain.GetProfileAsync();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (profile!.CategoryAffinities.Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Yield();
            profile = await grain.GetProfileAsync();
        }

        return profile;
    }

    [Fact]
    public async Task Index_TextChanged_IsEmbeddedAgainAndMatchesTheNewText()
    {
        var sku = Events.NewKey("renamed");
        await Put(sku, "Garden Hose", "acme", "garden");
        await EmbedPendingAsync();
        var hose = Index.Nearest(FakeInferenceGrain.BagOfWords("hose"), 5, 0.3f, s => s == sku);

        await Put(sku, "Watering Can", "acme", "garden");
        await EmbedPendingAsync();

        Assert.Equal([sku], hose.Select(h => h.Sku));
        Assert.Empty(Index.Nearest(FakeInferenceGrain.BagOfWords("hose"), 5, 0.3f, s => s == sku));
        Assert.Equal([sku], Index.Nearest(FakeInferenceGrain.BagOfWords("watering"), 5, 0.3f, s => s == sku).Select(h => h.Sku));
    }

    [Fact]
    public void TextOf_Listing_IsTitleAndBrandThenCategory_CutToTheLimit()
    {
        Assert.Equal("Matte Red Lipstick acme makeup", CatalogTextIndex.TextOf(new SkuListing("s", "makeup", true, 1, SkuListing.TextOf("Matte Red Lipstick", "acme"))));
        Assert.Equal("makeup", CatalogTextIndex.TextOf(new SkuListing("s", "makeup", true, 1)));
        Assert.Equal(SkuListing.MaxTextLength, SkuListing.TextOf(new string('t', 200), "acme").Length);
    }

    /// <summary>
    /// <paramref name="stem"/> and a tag, chosen so that the fake's hashed bag of words matches nothing in the shared
    /// cluster's index (other tests leave their SKUs there, and its 256 dimensions collide) nor any of
    /// <paramref name="texts"/>: the query then matches only the SKU a test lists with it.
    /// </summary>
    private string QueryWordNothingMatches(string stem, params string[] texts)
    {
        string word;
        do
        {
            word = stem + Guid.NewGuid().ToString("N")[..8];
        }
        while (texts.Any(t => Similarity(word, t) != 0) || Index.Nearest(FakeInferenceGrain.BagOfWords(word), 1, float.Epsilon, _ => true).Count > 0);

        return word;
    }

    private static float Similarity(string query, string text) =>
        FakeInferenceGrain.BagOfWords(query).Zip(FakeInferenceGrain.BagOfWords(text), (a, b) => a * b).Sum();

    private Task<SkuSnapshot> Put(string sku, string title, string brand, string category) =>
        fixture.Grains.GetGrain<ISkuGrain>(sku).UpsertCatalogAsync(new SkuCatalog(title, category, brand, 10m, 4m, 5, 7));

    /// <summary>Everything pending, at once (the background's pauses run on the cluster's fake clock).</summary>
    private Task EmbedPendingAsync() => Index.EmbedPendingAsync();
}
