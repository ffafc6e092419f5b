using System.Globalization;

namespace EcomOrleans.Merchandising.Restock;

/// <summary>
/// Replays a daily demand series through an inventory with lost sales. Each simulated day: orders due land first, then
/// demand is served from stock (the excess is lost), then on a review day (every R days from the start) the rule sees
/// the demand up to that day and the stock, and its order lands L days later (see <see cref="RestockSimulationOptions"/>).
/// </summary>
public static class RestockSimulator
{
    public static RestockSimulation Run(ReadOnlySpan<float> demand, IRestockRule rule, RestockSimulationOptions options)
    {
        Validate(demand.Length, options);
        var (lead, review, start) = (options.LeadTimeDays, options.ReviewPeriodDays, options.StartDay);
        var arriving = new double[demand.Length];
        var (onHand, onOrder) = (options.InitialOnHand, 0.0);
        var (demanded, served, stockOutDays, onHandDays, orders, ordered) = (0.0, 0.0, 0, 0.0, 0, 0.0);
        for (var day = start; day < demand.Length; day++)
        {
            onHand += arriving[day];
            onOrder -= arriving[day];
            var sold = Math.Min(onHand, demand[day]);
            onHand -= sold;
            (demanded, served) = (demanded + demand[day], served + sold);
            stockOutDays += sold < demand[day] || onHand <= 0 ? 1 : 0;
            onHandDays += onHand;
            if ((day - start) % review != 0)
            {
                continue;
            }

            var quantity = rule.Order(new RestockReview { History = demand[..(day + 1)], OnHand = onHand, OnOrder = onOrder, LeadTimeDays = lead, ReviewPeriodDays = review });
            if (quantity > 0)
            {
                (orders, ordered, onOrder) = (orders + 1, ordered + quantity, onOrder + quantity);
                // An order landing after the last day stays on order: it was placed, it just never counts as stock.
                if (day + lead + 1 < demand.Length)
                {
                    arriving[day + lead + 1] += quantity;
                }
            }
        }

        var days = demand.Length - start;
        return new RestockSimulation(days, demanded, served, stockOutDays, onHandDays / days, orders, ordered);
    }

    private static void Validate(int length, RestockSimulationOptions options)
    {
        if (options.StartDay < 1 || options.StartDay >= length)
        {
            throw new ArgumentException(Format($"The simulation must start on a day from 1 to {length - 1} of the {length}-day series; got {options.StartDay}."), nameof(options));
        }

        if (options.LeadTimeDays < 0 || options.ReviewPeriodDays < 1)
        {
            throw new ArgumentException(
                Format($"The simulation needs a lead time of 0 days or more and a review period of 1 day or more; got {options.LeadTimeDays} and {options.ReviewPeriodDays}."), nameof(options));
        }

        if (!(options.InitialOnHand >= 0))
        {
            throw new ArgumentException(Format($"The opening stock must be 0 units or more; got {options.InitialOnHand}."), nameof(options));
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
