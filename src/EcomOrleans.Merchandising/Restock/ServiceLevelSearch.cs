namespace EcomOrleans.Merchandising.Restock;

/// <summary>
/// Finds the lowest target service level whose simulated fill rate reaches a given fill rate, by bisection: how much
/// the policy must aim for to serve as well as another rule, so their inventories can be compared at equal service.
/// Fill rate rises with the service level but in steps (whole units, finite days), so the answer is a level within
/// the search's resolution where the fill rate crosses the target.
/// </summary>
public static class ServiceLevelSearch
{
    /// <summary>Lowest level searched: below the median the policy plans to run short more often than not.</summary>
    public const double Low = 0.5;

    /// <summary>Highest level searched: z(0.999) = 3.09 σ of safety stock.</summary>
    public const double High = 0.999;

    /// <summary>Bisection steps: (0.999 − 0.5) / 2²⁰ ≈ 5e-7 resolution.</summary>
    public const int Steps = 20;

    /// <summary>
    /// The lowest level in [<see cref="Low"/>, <see cref="High"/>] (to the search's resolution) whose
    /// <paramref name="fillRate"/> is at or above <paramref name="target"/>, and whether any level reaches it; when
    /// none does, <see cref="High"/> and false; when <see cref="Low"/> already does, <see cref="Low"/>.
    /// </summary>
    public static (double ServiceLevel, bool Reached) Match(Func<double, double> fillRate, double target)
    {
        if (fillRate(High) < target)
        {
            return (High, false);
        }

        if (fillRate(Low) >= target)
        {
            return (Low, true);
        }

        var (low, high) = (Low, High);
        for (var step = 0; step < Steps; step++)
        {
            var middle = (low + high) / 2;
            (low, high) = fillRate(middle) >= target ? (low, middle) : (middle, high);
        }

        return (high, true);
    }
}
