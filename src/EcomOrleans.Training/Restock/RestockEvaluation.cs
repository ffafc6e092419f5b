namespace EcomOrleans.Training.Restock;

/// <summary>The fixed rule against the restock policy on the same series, and whether the goal is met.</summary>
/// <param name="Fixed">The fixed rule (reorder at 14 days of mean demand, order 28).</param>
/// <param name="Default">The policy at <see cref="RestockEvaluator.DefaultServiceLevel"/>.</param>
/// <param name="Matched">The policy at the lowest service level whose total fill rate reaches the fixed rule's.</param>
/// <param name="MatchReached">False when even <see cref="Merchandising.Restock.ServiceLevelSearch.High"/> falls short.</param>
/// <param name="Curve">The policy at each of <see cref="RestockEvaluator.CurveLevels"/>.</param>
internal sealed record RestockEvaluation(RestockRun Fixed, RestockRun Default, RestockRun Matched, bool MatchReached, IReadOnlyList<RestockRun> Curve)
{
    /// <summary>The goal's inventory cut at equal fill rate: 15 %.</summary>
    public const double GoalInventoryCut = 0.15;

    /// <summary>Mean total inventory of the matched policy over the fixed rule's.</summary>
    public double MatchedInventoryRatio => Matched.Total.MeanOnHand / Fixed.Total.MeanOnHand;

    /// <summary>Mean total inventory of the default policy over the fixed rule's.</summary>
    public double DefaultInventoryRatio => Default.Total.MeanOnHand / Fixed.Total.MeanOnHand;

    /// <summary>The fixed rule's fill rate with at least 15 % less inventory.</summary>
    public bool SameFillWithLessInventory => MatchReached && MatchedInventoryRatio <= 1 - GoalInventoryCut;

    /// <summary>Some service level run (the default or a curve point) fills more than the fixed rule with no more inventory.</summary>
    public bool HigherFillWithNoMoreInventory =>
        Curve.Prepend(Default).Any(r => r.Total.FillRate > Fixed.Total.FillRate && r.Total.MeanOnHand <= Fixed.Total.MeanOnHand);

    public bool GoalMet => SameFillWithLessInventory || HigherFillWithNoMoreInventory;
}
