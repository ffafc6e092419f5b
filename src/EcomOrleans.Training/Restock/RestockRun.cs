using EcomOrleans.Merchandising.Restock;

namespace EcomOrleans.Training.Restock;

/// <summary>One rule replayed over every series of a backtest.</summary>
/// <param name="ServiceLevel">The policy's target cycle service level; null for the fixed rule.</param>
/// <param name="Series">One simulation per series, in the backtest's order.</param>
internal sealed record RestockRun(double? ServiceLevel, IReadOnlyList<RestockSimulation> Series)
{
    /// <summary>
    /// All series together: units and days summed, so the fill rate is units served over units demanded across them,
    /// and the mean on hand is the mean total units held (the sum of each series' mean).
    /// </summary>
    public RestockSimulation Total { get; } = new(
        Series.Sum(s => s.Days), Series.Sum(s => s.UnitsDemanded), Series.Sum(s => s.UnitsServed), Series.Sum(s => s.StockOutDays),
        Series.Sum(s => s.MeanOnHand), Series.Sum(s => s.OrdersPlaced), Series.Sum(s => s.UnitsOrdered));
}
