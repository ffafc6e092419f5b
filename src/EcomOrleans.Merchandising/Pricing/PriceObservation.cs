namespace EcomOrleans.Merchandising.Pricing;

/// <summary>One period of a SKU's sales history: what sold, at what price, and whether it was promoted.</summary>
/// <param name="Period">The period's first day (a day for daily data, the week's first day for weekly data); seasonal dummies read it.</param>
/// <param name="Units">Units sold in the period, zero or more. Periods with zero units are left out of the fit (see <see cref="ElasticityEstimator"/>).</param>
/// <param name="UnitPrice">The price paid per unit in the period, in currency units; must be positive.</param>
/// <param name="Promoted">Whether the SKU was promoted or featured in the period (an ad, a display, a feature).</param>
public sealed record PriceObservation(DateOnly Period, double Units, double UnitPrice, bool Promoted);
