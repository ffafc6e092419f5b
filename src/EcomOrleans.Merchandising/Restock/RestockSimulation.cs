namespace EcomOrleans.Merchandising.Restock;

/// <summary>How a rule did over a simulated stretch of days.</summary>
/// <param name="Days">Days simulated.</param>
/// <param name="UnitsDemanded">Units customers asked for.</param>
/// <param name="UnitsServed">Units sold: each day min(on hand, demand); the rest is lost, not back-ordered.</param>
/// <param name="StockOutDays">Days with unmet demand or nothing on hand at the end of the day.</param>
/// <param name="MeanOnHand">Mean units on hand at the end of each day.</param>
/// <param name="OrdersPlaced">Orders placed (one review places at most one).</param>
/// <param name="UnitsOrdered">Units ordered in all, landed or not.</param>
public sealed record RestockSimulation(int Days, double UnitsDemanded, double UnitsServed, int StockOutDays, double MeanOnHand, int OrdersPlaced, double UnitsOrdered)
{
    /// <summary>Units served over units demanded; 1 when nothing was demanded (no sale was lost).</summary>
    public double FillRate => UnitsDemanded > 0 ? UnitsServed / UnitsDemanded : 1;
}
