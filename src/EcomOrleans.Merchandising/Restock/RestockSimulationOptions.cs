namespace EcomOrleans.Merchandising.Restock;

/// <summary>The simulated world: supplier lead time, review calendar, first simulated day and opening stock.</summary>
/// <param name="LeadTimeDays">
/// Whole days an order spends in transit (0 or more): placed at the end of day t, it lands at the start of day
/// t + L + 1, so the L days after the review are served without it.
/// </param>
/// <param name="ReviewPeriodDays">Days between reviews (1 or more); the first review is at the end of <paramref name="StartDay"/>.</param>
/// <param name="StartDay">
/// Index of the first simulated day (1 or more, under the series' length); the days before it are history only (warm-up).
/// </param>
/// <param name="InitialOnHand">Units on hand at the start of <paramref name="StartDay"/>, nothing on order (0 or more).</param>
public sealed record RestockSimulationOptions(int LeadTimeDays, int ReviewPeriodDays, int StartDay, double InitialOnHand);
