namespace EcomOrleans.LoadGen.Load;

/// <summary>What the freshness check found.</summary>
/// <param name="Checked">Users whose purchase was acknowledged and whose recommendations were asked for again.</param>
/// <param name="Changed">Of those, users whose next recommendation no longer held the SKU they had just bought.</param>
/// <param name="Skipped">Users with no recommendation to buy from, or whose purchase was not acknowledged.</param>
/// <param name="Times">For each changed user, the time from the purchase's 202 to the answer without the SKU.</param>
public sealed record FreshnessResult(int Checked, int Changed, int Skipped, IReadOnlyList<TimeSpan> Times)
{
    public int Unchanged => Checked - Changed;

    /// <summary>The slowest change in milliseconds; 0 when none changed.</summary>
    public double MaxMs => Times.Count == 0 ? 0 : Times.Max().TotalMilliseconds;

    /// <summary>The median change in milliseconds (the lower middle of an even count); 0 when none changed.</summary>
    public double MedianMs => Times.Count == 0 ? 0 : Times.Order().ElementAt((Times.Count - 1) / 2).TotalMilliseconds;
}
