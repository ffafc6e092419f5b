using System.Globalization;

namespace EcomOrleans.Merchandising.Restock;

/// <summary>The checks a restock decision makes before any arithmetic, each with a message that names the input and its value.</summary>
internal static class RestockValidation
{
    public static void Validate(RestockInputs inputs)
    {
        var settings = inputs.Settings;
        Require(inputs.OnHand >= 0, $"Units on hand must be 0 or more; got {inputs.OnHand}.", nameof(RestockInputs.OnHand));
        Require(inputs.OnOrder >= 0, $"Units on order must be 0 or more; got {inputs.OnOrder}.", nameof(RestockInputs.OnOrder));
        Require(settings.LeadTimeDays >= 0, $"The lead time must be 0 days or more; got {settings.LeadTimeDays}.", nameof(RestockSettings.LeadTimeDays));
        Require(settings.ReviewPeriodDays >= 1, $"The review period must be 1 day or more; got {settings.ReviewPeriodDays}.", nameof(RestockSettings.ReviewPeriodDays));
        Require(settings.ServiceLevel is > 0 and < 1, $"The service level must be strictly between 0 and 1; got {settings.ServiceLevel}.", nameof(RestockSettings.ServiceLevel));
        Require(settings.UnitPrice >= 0, $"The unit price must be 0 or more; got {settings.UnitPrice}.", nameof(RestockSettings.UnitPrice));
        Require(settings.UnitCost >= 0, $"The unit cost must be 0 or more; got {settings.UnitCost}.", nameof(RestockSettings.UnitCost));
        Require(settings.HoldingCostRate >= 0, $"The holding cost rate must be 0 or more per year; got {settings.HoldingCostRate}.", nameof(RestockSettings.HoldingCostRate));
        Require(settings.OverstockMultiple >= 1, $"The overstock multiple must be 1 or more; got {settings.OverstockMultiple}.", nameof(RestockSettings.OverstockMultiple));
        ValidateForecast(inputs);
        if (settings.Policy == RestockPolicyKind.Newsvendor)
        {
            Require(settings.UnitPrice > settings.UnitCost,
                $"The newsvendor needs a unit price above the unit cost, or a stock-out loses no margin; got price {settings.UnitPrice} and cost {settings.UnitCost}.",
                nameof(RestockSettings.UnitPrice));
            Require(settings.UnitCost * settings.HoldingCostRate > 0,
                $"The newsvendor needs a unit cost and a holding cost rate above 0, or a unit too many costs nothing; got cost {settings.UnitCost} and rate {settings.HoldingCostRate}.",
                nameof(RestockSettings.HoldingCostRate));
        }
    }

    private static void ValidateForecast(RestockInputs inputs)
    {
        var forecast = inputs.Forecast;
        Require(forecast.Horizon >= 1, $"The forecast must cover at least 1 day.", nameof(RestockInputs.Forecast));
        Require(forecast.P10.Length == forecast.Horizon && forecast.P50.Length == forecast.Horizon && forecast.P90.Length == forecast.Horizon,
            $"The forecast's p10, p50 and p90 must have as many days as its mean ({forecast.Horizon}); got {forecast.P10.Length}, {forecast.P50.Length} and {forecast.P90.Length}.",
            nameof(RestockInputs.Forecast));
        for (var d = 0; d < forecast.Horizon; d++)
        {
            // Checked before the message is built: this runs for every day of every review in a backtest.
            if (!(forecast.Mean[d] >= 0 && forecast.P10[d] >= 0 && forecast.P90[d] >= forecast.P10[d]))
            {
                Require(false,
                    $"The forecast's day {d} needs a mean and p10 of 0 or more and a p90 at or above its p10; got mean {forecast.Mean[d]}, p10 {forecast.P10[d]} and p90 {forecast.P90[d]}.",
                    nameof(RestockInputs.Forecast));
            }
        }
    }

    private static void Require(bool condition, FormattableString message, string parameter)
    {
        if (!condition)
        {
            throw new ArgumentException(message.ToString(CultureInfo.InvariantCulture), parameter);
        }
    }
}
