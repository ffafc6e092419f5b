using EcomOrleans.Merchandising.Forecasting;

namespace EcomOrleans.Merchandising.Restock;

/// <summary>Everything one restock decision is made from, as it stands at a review.</summary>
/// <param name="OnHand">Units in stock now (0 or more).</param>
/// <param name="OnOrder">Units ordered and not yet arrived (0 or more).</param>
/// <param name="Forecast">
/// Daily demand forecast starting with the first day after the review (typically 14 days). When it is shorter than
/// the protection interval it is extended with the average of its last week.
/// </param>
/// <param name="Settings">Lead time, review period, target service level, price, cost and policy.</param>
public sealed record RestockInputs(double OnHand, double OnOrder, QuantileForecast Forecast, RestockSettings Settings)
{
    /// <summary>On hand plus on order: what the next order is measured against.</summary>
    public double InventoryPosition => OnHand + OnOrder;
}
