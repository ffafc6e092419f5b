namespace EcomOrleans.Client.Models;

/// <summary>How often a normalised query was searched, and how often no item was found for it.</summary>
/// <param name="NearestSkus">For a query that found nothing: the SKUs in stock most like it (empty otherwise; null from an engine that does not send them).</param>
public sealed record SearchQueryCount(string Query, long Searches, long WithoutItem, DateTimeOffset LastSeen, IReadOnlyList<string>? NearestSkus = null);
