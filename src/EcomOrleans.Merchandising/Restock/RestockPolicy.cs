using EcomOrleans.Merchandising.Forecasting;
using EcomOrleans.Merchandising.Statistics;

namespace EcomOrleans.Merchandising.Restock;

/// <summary>
/// Periodic-review restock decisions from a daily quantile forecast. At each review the position (on hand + on order)
/// is topped up to the order-up-to level S whenever it is below S; the reorder point only grades the urgency. Demand
/// over an interval is taken as normal with the sum of the daily means and the sum of the daily variances (days
/// independent), each day's σ read from its p10..p90 spread.
/// </summary>
public static class RestockPolicy
{
    /// <summary>The standard normal's 90th percentile: a normal's p90 − p10 spans 2 × this many σ.</summary>
    public const double P90Z = 1.2815515655446004;

    /// <summary>Days at the end of a short forecast whose average extends it: one week, so no weekday is favoured.</summary>
    public const int ExtensionWindowDays = 7;

    /// <summary>Decides one review: the levels, the order, the urgency and the reason.</summary>
    /// <exception cref="ArgumentException">An input is out of range; the message names it and its value.</exception>
    public static RestockDecision Decide(RestockInputs inputs)
    {
        RestockValidation.Validate(inputs);
        var settings = inputs.Settings;
        var (mean, sigma, extended) = DailyDemand(inputs.Forecast, settings.ProtectionDays);
        var leadTime = Sum(mean, sigma, settings.LeadTimeDays);
        var protection = Sum(mean, sigma, settings.ProtectionDays);
        double? criticalRatio = settings.Policy == RestockPolicyKind.Newsvendor ? CriticalRatio(settings) : null;
        var serviceLevel = criticalRatio ?? settings.ServiceLevel;
        var z = Normal.Quantile(serviceLevel);
        var safetyStock = z * protection.StandardDeviation;
        var reorderPoint = Math.Max(0, leadTime.Mean + (z * leadTime.StandardDeviation));
        var orderUpTo = Math.Max(0, protection.Mean + safetyStock);
        var position = inputs.InventoryPosition;
        // Whole units, rounded up so the position reaches S; the tolerance keeps float noise from adding a unit.
        var quantity = orderUpTo > position ? Math.Ceiling(orderUpTo - position - 1e-9) : 0;
        var dailyDemand = protection.Mean / settings.ProtectionDays;
        double? cover = dailyDemand > 0 ? inputs.OnHand / dailyDemand : null;
        var urgency = Urgency(inputs, cover, reorderPoint);
        var decision = new RestockDecision(inputs, settings.Policy, quantity, urgency, string.Empty, leadTime, protection, serviceLevel, criticalRatio,
            safetyStock, reorderPoint, orderUpTo, cover, extended);
        return decision with { Reason = RestockReason.Describe(decision) };
    }

    /// <summary>
    /// The newsvendor's critical ratio: underage / (underage + overage), with underage the margin a unit short loses
    /// (price − cost) and overage the cost of carrying a unit one review period (cost · rate · R / 365).
    /// </summary>
    public static double CriticalRatio(RestockSettings settings)
    {
        var underage = settings.UnitPrice - settings.UnitCost;
        var overage = settings.UnitCost * settings.HoldingCostRate * settings.ReviewPeriodDays / 365.0;
        return underage / (underage + overage);
    }

    /// <summary>A day's σ from its quantiles: (p90 − p10) / (2 · <see cref="P90Z"/>), the normal that has them.</summary>
    public static double DailySigma(float p10, float p90) => (p90 - p10) / (2 * P90Z);

    private static RestockUrgency Urgency(RestockInputs inputs, double? cover, double reorderPoint)
    {
        var settings = inputs.Settings;
        if (inputs.OnHand <= 0)
        {
            return RestockUrgency.OutOfStock;
        }

        if (cover < settings.LeadTimeDays)
        {
            return RestockUrgency.Critical;
        }

        if (inputs.InventoryPosition <= reorderPoint)
        {
            return RestockUrgency.Reorder;
        }

        // No demand means any stock lasts for ever: overstocked.
        return cover is null || cover > settings.OverstockMultiple * settings.ProtectionDays ? RestockUrgency.Overstocked : RestockUrgency.Healthy;
    }

    /// <summary>
    /// Daily means and σs for the first <paramref name="days"/> days; past the forecast's horizon each day repeats the
    /// average of its last week (both the mean and the σ).
    /// </summary>
    private static (double[] Mean, double[] Sigma, int Extended) DailyDemand(QuantileForecast forecast, int days)
    {
        var (mean, sigma) = (new double[days], new double[days]);
        var known = Math.Min(days, forecast.Horizon);
        for (var d = 0; d < known; d++)
        {
            mean[d] = forecast.Mean[d];
            sigma[d] = DailySigma(forecast.P10[d], forecast.P90[d]);
        }

        if (known < days)
        {
            var window = Math.Min(ExtensionWindowDays, forecast.Horizon);
            var (meanTail, sigmaTail) = (0.0, 0.0);
            for (var d = forecast.Horizon - window; d < forecast.Horizon; d++)
            {
                meanTail += forecast.Mean[d];
                sigmaTail += DailySigma(forecast.P10[d], forecast.P90[d]);
            }

            Array.Fill(mean, meanTail / window, known, days - known);
            Array.Fill(sigma, sigmaTail / window, known, days - known);
        }

        return (mean, sigma, days - known);
    }

    private static IntervalDemand Sum(double[] mean, double[] sigma, int days)
    {
        var (total, variance) = (0.0, 0.0);
        for (var d = 0; d < days; d++)
        {
            total += mean[d];
            variance += sigma[d] * sigma[d];
        }

        return new IntervalDemand(days, total, Math.Sqrt(variance));
    }
}
