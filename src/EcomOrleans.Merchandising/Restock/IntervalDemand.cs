namespace EcomOrleans.Merchandising.Restock;

/// <summary>Forecast demand summed over consecutive days.</summary>
/// <param name="Days">How many days, starting with the first day after the review.</param>
/// <param name="Mean">Expected units over those days: the sum of the daily means.</param>
/// <param name="StandardDeviation">
/// Standard deviation of those units: the square root of the sum of the daily variances (days taken as independent).
/// </param>
public sealed record IntervalDemand(int Days, double Mean, double StandardDeviation);
