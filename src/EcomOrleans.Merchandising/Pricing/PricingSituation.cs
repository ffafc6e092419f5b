namespace EcomOrleans.Merchandising.Pricing;

/// <summary>Where a SKU stands when a price is suggested for it.</summary>
/// <param name="CurrentPrice">p0, the current unit price in currency units; positive.</param>
/// <param name="UnitCost">c, the cost of one unit in the same currency; zero or more.</param>
/// <param name="ExpectedUnitsPerDay">u0, the forecast's expected units per day at <paramref name="CurrentPrice"/>; zero or more.</param>
/// <param name="DaysOfCover">Stock on hand (and on order) divided by expected daily units, in days; zero or more.</param>
/// <param name="TargetDaysOfCover">The cover the restock policy aims for, in days; zero or more. Markdowns need cover above it.</param>
public sealed record PricingSituation(double CurrentPrice, double UnitCost, double ExpectedUnitsPerDay, double DaysOfCover, double TargetDaysOfCover);
