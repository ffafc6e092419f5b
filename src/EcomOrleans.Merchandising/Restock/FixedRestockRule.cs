namespace EcomOrleans.Merchandising.Restock;

/// <summary>
/// The rule of thumb the policy is measured against: at a review, when the position (on hand + on order) is at or
/// under <paramref name="reorderDays"/> days of the mean daily demand of the last <paramref name="windowDays"/> days,
/// order <paramref name="orderDays"/> days of it, rounded up to a whole unit. It ignores the lead time and the forecast.
/// </summary>
/// <param name="reorderDays">Days of mean demand at or under which it orders. Default 14.</param>
/// <param name="orderDays">Days of mean demand it orders. Default 28.</param>
/// <param name="windowDays">Trailing days the mean is taken over (all of the history when shorter). Default 28.</param>
public sealed class FixedRestockRule(double reorderDays = 14, double orderDays = 28, int windowDays = 28) : IRestockRule
{
    /// <summary>Days of mean demand at or under which it orders.</summary>
    public double ReorderDays => reorderDays;

    /// <summary>Days of mean demand it orders.</summary>
    public double OrderDays => orderDays;

    /// <summary>Trailing days the mean daily demand is taken over.</summary>
    public int WindowDays => windowDays;

    public double Order(RestockReview review)
    {
        var mean = MeanDailyDemand(review.History, windowDays);
        return review.OnHand + review.OnOrder <= reorderDays * mean ? Math.Ceiling(orderDays * mean) : 0;
    }

    /// <summary>Mean units per day over the last <paramref name="windowDays"/> days of <paramref name="history"/> (0 when it is empty).</summary>
    public static double MeanDailyDemand(ReadOnlySpan<float> history, int windowDays)
    {
        var window = history[Math.Max(0, history.Length - windowDays)..];
        double total = 0;
        foreach (var units in window)
        {
            total += units;
        }

        return window.Length == 0 ? 0 : total / window.Length;
    }
}
