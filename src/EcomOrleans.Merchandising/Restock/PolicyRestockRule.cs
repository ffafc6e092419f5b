namespace EcomOrleans.Merchandising.Restock;

/// <summary>
/// <see cref="RestockPolicy"/> as a simulation rule: at each review it forecasts the protection interval from the
/// history so far with <paramref name="forecaster"/> and orders what the policy decides.
/// </summary>
/// <param name="settings">The policy's settings; their lead time and review period must be the simulation's.</param>
/// <param name="forecaster">Called with the history up to the review day and <see cref="RestockSettings.ProtectionDays"/> as the horizon.</param>
public sealed class PolicyRestockRule(RestockSettings settings, DemandForecaster forecaster) : IRestockRule
{
    public RestockSettings Settings => settings;

    public double Order(RestockReview review)
    {
        // A policy protecting a different interval than the simulated supplier gives figures that look right and are not.
        if (review.LeadTimeDays != settings.LeadTimeDays || review.ReviewPeriodDays != settings.ReviewPeriodDays)
        {
            throw new ArgumentException(
                $"The policy's lead time and review period ({settings.LeadTimeDays} and {settings.ReviewPeriodDays} days) differ from the simulation's ({review.LeadTimeDays} and {review.ReviewPeriodDays} days).",
                nameof(review));
        }

        var forecast = forecaster(review.History, settings.ProtectionDays);
        return RestockPolicy.Decide(new RestockInputs(review.OnHand, review.OnOrder, forecast, settings)).OrderQuantity;
    }
}
