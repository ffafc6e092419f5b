namespace EcomOrleans.Models.Demand;

/// <summary>One SKU's daily history: units, price and event flag per consecutive calendar day, days without sales filled in with 0 units.</summary>
/// <param name="Events">1 on an event day, else 0; empty when unknown.</param>
public sealed record DemandSeries(string Id, DateOnly Start, float[] Units, float[] Prices, float[] Events)
{
    public int Length => Units.Length;

    public DateOnly DateAt(int day) => Start.AddDays(day);
}
