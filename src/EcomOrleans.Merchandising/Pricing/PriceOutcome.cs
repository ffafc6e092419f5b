namespace EcomOrleans.Merchandising.Pricing;

/// <summary>What a price is expected to earn per day under units(p) = u0·(p / p0)^b.</summary>
/// <param name="Price">The unit price, in currency units.</param>
/// <param name="UnitsPerDay">Expected units per day at <paramref name="Price"/>.</param>
/// <param name="RevenuePerDay">Price × units, per day.</param>
/// <param name="MarginPerDay">(Price − unit cost) × units, per day.</param>
public sealed record PriceOutcome(double Price, double UnitsPerDay, double RevenuePerDay, double MarginPerDay);
