using System.Globalization;

namespace EcomOrleans.Merchandising.Restock;

/// <summary>
/// The one line a merchandiser reads: "{action}: {situation}; {demand behind it}." Units are whole, days of cover to a
/// tenth, service levels in percent.
/// </summary>
internal static class RestockReason
{
    public static string Describe(RestockDecision decision) =>
        string.Create(CultureInfo.InvariantCulture, $"{Order(decision)}: {Situation(decision)}; {Demand(decision)}{Extension(decision)}.");

    private static string Order(RestockDecision d) => d.OrderQuantity switch
    {
        0 => "No order",
        var q when d.Urgency is RestockUrgency.OutOfStock or RestockUrgency.Critical => Format($"Order {q:0} units now"),
        var q => Format($"Order {q:0} units"),
    };

    private static string Situation(RestockDecision d)
    {
        var (inputs, settings) = (d.Inputs, d.Inputs.Settings);
        return d.Urgency switch
        {
            RestockUrgency.OutOfStock => inputs.OnOrder > 0 ? Format($"out of stock with {inputs.OnOrder:0.#} on order") : "out of stock",
            RestockUrgency.Critical => Format($"{inputs.OnHand:0.#} on hand cover {d.DaysOfCover:0.0} days, less than the {settings.LeadTimeDays}-day lead time"),
            RestockUrgency.Reorder => Format(
                $"the position of {inputs.InventoryPosition:0.#} units ({inputs.OnHand:0.#} on hand + {inputs.OnOrder:0.#} on order) is at or under the reorder point of {d.ReorderPoint:0}"),
            RestockUrgency.Overstocked when d.DaysOfCover is null => Format($"{inputs.OnHand:0.#} on hand and no demand forecast"),
            RestockUrgency.Overstocked => Format(
                $"{inputs.OnHand:0.#} on hand cover {d.DaysOfCover:0.0} days, more than {settings.OverstockMultiple:0.#} × the {settings.ProtectionDays}-day protection interval"),
            _ when d.OrderQuantity > 0 => Format(
                $"{inputs.OnHand:0.#} on hand cover {d.DaysOfCover:0.0} days; this review tops the position of {inputs.InventoryPosition:0.#} up to {d.OrderUpToLevel:0}"),
            _ => Format(
                $"{inputs.OnHand:0.#} on hand cover {d.DaysOfCover:0.0} days; the position of {inputs.InventoryPosition:0.#} is at or above the order-up-to level of {d.OrderUpToLevel:0}"),
        };
    }

    private static string Demand(RestockDecision d)
    {
        var settings = d.Inputs.Settings;
        // With no lead time the review period is all an order has to cover.
        var demand = settings.LeadTimeDays > 0
            ? Format($"demand over the {settings.LeadTimeDays}-day lead time {d.LeadTimeDemand.Mean:0} ± {d.LeadTimeDemand.StandardDeviation:0} units")
            : Format($"demand over the {settings.ReviewPeriodDays}-day review period {d.ProtectionDemand.Mean:0} ± {d.ProtectionDemand.StandardDeviation:0} units");
        var percent = d.ServiceLevel * 100;
        return d.CriticalRatio is null ? Format($"{demand} at {percent:0.#} % service") : Format($"{demand} at the newsvendor's {percent:0.#} % service");
    }

    private static string Extension(RestockDecision d) =>
        d.ExtendedDays > 0 ? Format($" (forecast extended by {d.ExtendedDays} days with its last-week average)") : string.Empty;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
