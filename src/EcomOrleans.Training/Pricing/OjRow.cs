using EcomOrleans.Merchandising.Pricing;

namespace EcomOrleans.Training.Pricing;

/// <summary>One store-week of Dominick's orange juice sales (Taddy's oj.csv).</summary>
/// <param name="Sales">Units (cartons) sold in the store that week.</param>
/// <param name="Price">Price per carton, in dollars.</param>
/// <param name="Brand">dominicks, minute.maid or tropicana.</param>
/// <param name="Featured">Whether the brand was featured (advertised) that week.</param>
internal sealed record OjRow(double Sales, double Price, string Brand, bool Featured)
{
    /// <summary>
    /// As a <see cref="PriceObservation"/>. oj.csv carries no week, so every period is the same placeholder date: fits of
    /// it use <see cref="Seasonality.None"/>, which never reads the period.
    /// </summary>
    public PriceObservation ToObservation(bool withFeature = true) => new(DateOnly.MinValue, Sales, Price, withFeature && Featured);
}
