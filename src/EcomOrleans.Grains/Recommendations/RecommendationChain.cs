using EcomOrleans.Catalog;
using EcomOrleans.Inference;
using EcomOrleans.Recommendations;
using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Recommendations;

/// <summary>
/// Builds a ranked list: the model's picks first, then session co-views, trending and popular until
/// the list is full. Every item is checked against its SKU grain's live stock (and category) at serve
/// time, never against a copy.
/// </summary>
public sealed class RecommendationChain(IGrainFactory grains, RecommendationOptions options, Action<Exception> onModelFailure)
{
    private const int MaxCandidates = 500;

    /// <summary>What the chain knows of the user.</summary>
    /// <param name="Embedding">The user embedding, or <see langword="null"/> for a cold start.</param>
    /// <param name="Exclude">SKUs never to recommend (just bought, in the cart).</param>
    /// <param name="SessionItems">SKUs of the current session, latest last.</param>
    public sealed record UserContext(float[]? Embedding, IReadOnlySet<string> Exclude, IReadOnlyList<string> SessionItems);

    public async Task<List<RecommendedItem>> BuildAsync(RecommendationRequest request, UserContext user)
    {
        var picked = new List<RecommendedItem>(request.Count);
        var taken = new HashSet<string>(user.Exclude, StringComparer.Ordinal);

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
            var coViewed = await SessionCoViewsAsync(user.SessionItems);
            await AddAvailableAsync(request, coViewed, RecommendationReasons.SessionCoView, picked, taken);
        }

        var trending = grains.GetGrain<ITrendingGrain>(ITrendingGrain.GlobalKey);
        if (picked.Count < request.Count)
        {
            var ranked = await trending.GetTrendingAsync(Want(request.Count, taken.Count), request.Category);
            await AddAvailableAsync(request, ranked.Select(r => (r.Sku, (float)r.Score)).ToList(), RecommendationReasons.Trending, picked, taken);
        }

        if (picked.Count < request.Count)
        {
            var ranked = await trending.GetPopularAsync(Want(request.Count, taken.Count), request.Category);
            await AddAvailableAsync(request, ranked.Select(r => (r.Sku, (float)r.Score)).ToList(), RecommendationReasons.Popular, picked, taken);
        }

        return picked;
    }

    private async Task AddPersonalizedAsync(RecommendationRequest request, float[] embedding, List<RecommendedItem> picked, HashSet<string> taken)
    {
        var inference = grains.GetGrain<IInferenceGrain>(0);
        if (request.Category is { } category)
        {
            var members = await grains.GetGrain<ICategoryIndexGrain>(category).GetSkusAsync();
            var scored = await inference.ScoreItemsAsync(embedding, members.Where(s => !taken.Contains(s)).ToList());
            await AddAvailableAsync(request, scored.Select(s => (s.Sku, s.Score)).ToList(), RecommendationReasons.Personalized, picked, taken);
            return;
        }

        // Widen the candidate list until the stock filter leaves enough, or the catalog runs out.
        var want = request.Count * options.CandidateMultiplier;
        while (true)
        {
            var candidates = await inference.TopItemsAsync(embedding, want, [.. taken]);
            await AddAvailableAsync(request, candidates.Select(c => (c.Sku, c.Score)).ToList(), RecommendationReasons.Personalized, picked, taken);
            if (picked.Count >= request.Count || candidates.Count < want || want >= MaxCandidates)
            {
                return;
            }

            want = Math.Min(want * 4, MaxCandidates);
        }
    }

    private async Task<List<(string Sku, float Score)>> SessionCoViewsAsync(IReadOnlyList<string> sessionItems)
    {
        var recent = sessionItems.TakeLast(options.SessionItems).ToList();
        var lists = await Task.WhenAll(recent.Select(sku => grains.GetGrain<ISkuGrain>(sku).GetCoViewedAsync(20)));
        return lists.SelectMany(l => l)
            .Where(r => !recent.Contains(r.Sku))
            .GroupBy(r => r.Sku, StringComparer.Ordinal)
            .Select(g => (Sku: g.Key, Score: (float)g.Sum(r => r.Score)))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Sku, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Adds candidates in order, checking live availability a slice at a time, until the list is full.</summary>
    private async Task AddAvailableAsync(
        RecommendationRequest request, IReadOnlyList<(string Sku, float Score)> candidates, string reason,
        List<RecommendedItem> picked, HashSet<string> taken)
    {
        var fresh = candidates.Where(c => !taken.Contains(c.Sku)).ToList();
        var next = 0;
        while (picked.Count < request.Count && next < fresh.Count)
        {
            var slice = fresh.Skip(next).Take(Math.Max(4, (request.Count - picked.Count) * 2)).ToList();
            next += slice.Count;
            var availability = await Task.WhenAll(slice.Select(c => grains.GetGrain<ISkuGrain>(c.Sku).GetAvailabilityAsync()));
            for (var i = 0; i < slice.Count && picked.Count < request.Count; i++)
            {
                var a = availability[i];
                if (a.CanRecommend && (request.Category is null || string.Equals(a.Category, request.Category, StringComparison.Ordinal)) && taken.Add(slice[i].Sku))
                {
                    picked.Add(new RecommendedItem(slice[i].Sku, slice[i].Score, reason));
                }
            }
        }
    }

    private static int Want(int count, int taken) => Math.Min(MaxCandidates, count * 3 + taken);
}
