using EcomOrleans.Client.Models;

namespace EcomOrleans.Client;

/// <summary>
/// The engine's HTTP API, typed. Every method throws <see cref="EcomOrleansApiException"/> when the engine answers a
/// failure (after the retries of transient ones), <see cref="HttpRequestException"/> when it could not be reached, and
/// <see cref="TimeoutException"/> when no attempt was answered within <see cref="EcomOrleansClientOptions.Timeout"/>.
/// </summary>
public interface IEcomOrleansClient
{
    /// <summary>
    /// <c>POST /api/events</c>: records a batch of at most <see cref="EcomOrleansClient.MaxEventsPerBatch"/> (500) events,
    /// answered once every event is durable. A batch with any invalid event is rejected whole (400, each problem named in
    /// <see cref="EcomOrleansApiException.Errors"/>). Retrying is safe: the engine records an event id once per user, so a
    /// batch resent after a lost answer counts its events as <see cref="IngestResponse.Duplicates"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">More than 500 events; nothing was sent.</exception>
    Task<IngestResponse> PostEventsAsync(IReadOnlyList<ShopperEvent> events, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /api/users/{userId}/recommendations</c>: in-stock SKUs for the user, best first.
    /// </summary>
    /// <param name="count">Items wanted, 1-100; the engine's default (10) when null.</param>
    /// <param name="sessionId">The shopper's session, to seed session co-views.</param>
    /// <param name="category">Keep items of this category only.</param>
    Task<RecommendationResponse> GetRecommendationsAsync(
        string userId, int? count = null, string? sessionId = null, string? category = null, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /api/skus/{sku}</c>: sets a SKU's catalog facts (its stock replaces the units on hand) and answers the SKU.</summary>
    Task<SkuResponse> PutSkuAsync(string sku, SkuRequest facts, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/skus/{sku}</c>: the SKU with live stock and lifetime demand, or <see langword="null"/> when it is not in the catalog (404).</summary>
    Task<SkuResponse?> GetSkuAsync(string sku, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /api/skus/{sku}/demand</c>: demand buckets, oldest first, or <see langword="null"/> for a SKU the engine has
    /// neither in its catalog nor in its demand (404).
    /// </summary>
    /// <param name="granularity">Hourly (last 7 days) or daily (last 120 days); the engine's default (daily) when null.</param>
    Task<DemandSeries?> GetSkuDemandAsync(string sku, DemandGranularity? granularity = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/users/{userId}</c>: the user's profile, or <see langword="null"/> when no event of theirs was recorded (404).</summary>
    Task<UserProfile?> GetUserAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /api/users/{userId}</c>: forgets the user (privacy); succeeds whether or not the user was known.</summary>
    Task DeleteUserAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /api/insights/demand-gaps</c>: the most searched queries, those that led to no item first.</summary>
    /// <param name="count">Queries wanted, 1-500; the engine's default (20) when null.</param>
    Task<DemandGaps> GetDemandGapsAsync(int? count = null, CancellationToken cancellationToken = default);
}
