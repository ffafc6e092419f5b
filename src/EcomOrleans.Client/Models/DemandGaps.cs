namespace EcomOrleans.Client.Models;

/// <summary>Latent demand: the answer of <c>GET /api/insights/demand-gaps</c>; searches that found nothing come first.</summary>
public sealed record DemandGaps(IReadOnlyList<SearchQueryCount> Searches);
