using EcomOrleans.Catalog;
using EcomOrleans.Grains.Catalog;
using EcomOrleans.Inference;
using EcomOrleans.Recommendations;
using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Recommendations;

/// <summary>
/// Builds a ranked list: the model's picks first, then session co-views, trending and popular until the list is
/// full. Every item is checked against this silo's <see cref="CatalogProjection"/> (listed, in stock, of the asked
/// category), which SKU grains update before they acknowledge a stock-out, so no candidate costs a grain call.
/// </summary>
public sealed class RecommendationChain(
    IGrainFactory grains, CatalogProjection catalog, CatalogTextIndex search, RecommendationOptions options, Action<Exception> onModelFailure)
{
    private const int MaxCandidates = 500;

    /// <summary>What the chain knows of the user.</summary>
    /// <param name="Embedding">The user embedding, or <see langword="null"/> for a cold start.</param>
    /// <param name="Exclude">SKUs never to recommend (just bought, in the cart), compared ordinally; the chain adds each SKU it picks, so it is not copied per request.</param>
    /// <param name="SessionItems">SKUs of the current session, latest last.</param>
    /// <param name="SearchQuery">What the session searched for last, within the search window; <see langword="null"/> when it did not.</param>
    public sealed record UserContext(float[]? Embedding, HashSet<string> Exclude, IReadOnlyList<string> SessionItems, string? SearchQuery = null);

    public async Task<List<RecommendedItem>> BuildAsync(RecommendationRequest request, UserContext user)
    {
        var picked = new List<RecommendedItem>(request.Count);
        var taken = user.Exclude;

        if (user.SearchQuery is { } query)
        {
            try
            {
                await AddSearchAsync(request, query, picked, taken);
            }
            catch (Exception ex) when (ex is not ArgumentException)
            {
                // No sentence encoder, or the pool is overloaded: the rest of the chain still answers.
                onModelFailure(ex);
            }
        }

        if (user.Embedding is { } embedding)
        {
            try
            {
                await AddPersonalizedAsync(request, embedding, picked, taken);
            }
            catch (Exception ex) when (ex is not ArgumentException)
            {
                // The model is being swapped out or the pool is overloaded: the fallbacks still answer.
                onModelFailure(ex);
            }
        }

        if (picked.Count < request.Count && user.SessionItems.Count > 0)
        {
            Add(request, await SessionCoViewsAsync(user.SessionItems), RecommendationReasons.SessionCoView, picked, taken);
        }

        var ranking = grains.Reference<ITrendingGrain>(ITrendingGrain.KeyOf(request.Category));
        if (picked.Count < request.Count)
        {
            var ranked = await ranking.GetTrendingAsync(Want(request.Count, taken.Count));
            Add(request, ranked.Select(r => (r.Sku, (float)r.Score)), RecommendationReasons.Trending, picked, taken);
        }

        if (picked.Count < request.Count)
        {
            var ranked = await ranking.GetPopularAsync(Want(request.Count, taken.Count));
            Add(request, ranked.Select(r => (r.Sku, (float)r.Score)), RecommendationReasons.Popular, picked, taken);
        }

        return picked;
    }

    private async Task AddPersonalizedAsync(RecommendationRequest request, float[] embedding, List<RecommendedItem> picked, HashSet<string> taken)
    {
        var inference = grains.Reference<IInferenceGrain>(0);
        if (request.Category is { } category)
        {
            var members = catalog.SkusIn(category).Where(s => !taken.Contains(s) && catalog.CanRecommend(s, category)).ToList();
            var scored = await inference.ScoreItemsAsync(embedding, members);
            Add(request, scored.Select(s => (s.Sku, s.Score)), RecommendationReasons.Personalized, picked, taken);
            return;
        }

        // Widen the candidate list until the stock filter leaves enough, or the catalog runs out.
        var want = request.Count * options.CandidateMultiplier;
        while (true)
        {
            var candidates = await inference.TopItemsAsync(embedding, want, [.. taken]);
            Add(request, candidates.Select(c => (c.Sku, c.Score)), RecommendationReasons.Personalized, picked, taken);
            if (picked.Count >= request.Count || candidates.Length < want || want >= MaxCandidates)
            {
                return;
            }

            want = Math.Min(want * 4, MaxCandidates);
        }
    }

    /// <summary>Up to half the list: the SKUs most like the search, in stock and of the asked category.</summary>
    private async Task AddSearchAsync(RecommendationRequest request, string query, List<RecommendedItem> picked, HashSet<string> taken)
    {
        var vector = (await grains.Reference<IInferenceGrain>(0).EmbedQueriesAsync([query], InferencePriority.Storefront))[0];
        var room = (request.Count + 1) / 2;
        var hits = search.Nearest(vector, room, (float)options.SearchMinScore, sku => !taken.Contains(sku) && catalog.CanRecommend(sku, request.Category));
        Add(request with { Count = Math.Min(request.Count, picked.Count + room) }, hits, RecommendationReasons.Search, picked, taken);
    }

    private async Task<List<(string Sku, float Score)>> SessionCoViewsAsync(IReadOnlyList<string> sessionItems)
    {
        var recent = sessionItems.TakeLast(options.SessionItems).ToList();
        var lists = await Task.WhenAll(recent.Select(sku => grains.Reference<ISkuGrain>(sku).GetCoViewedAsync(20)));
        return lists.SelectMany(l => l)
            .Where(r => !recent.Contains(r.Sku))
            .GroupBy(r => r.Sku, StringComparer.Ordinal)
            .Select(g => (Sku: g.Key, Score: (float)g.Sum(r => r.Score)))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Sku, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Adds candidates in order that the read model says can be recommended, until the list is full.</summary>
    private void Add(RecommendationRequest request, IEnumerable<(string Sku, float Score)> candidates, string reason, List<RecommendedItem> picked, HashSet<string> taken)
    {
        foreach (var (sku, score) in candidates)
        {
            if (picked.Count >= request.Count)
            {
                return;
            }

            if (!taken.Contains(sku) && catalog.CanRecommend(sku, request.Category) && taken.Add(sku))
            {
                picked.Add(new RecommendedItem(sku, score, reason));
            }
        }
    }

    private static int Want(int count, int taken) => Math.Min(MaxCandidates, count * 3 + taken);
}
