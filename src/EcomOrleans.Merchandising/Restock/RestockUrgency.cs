namespace EcomOrleans.Merchandising.Restock;

/// <summary>How pressing a SKU's stock is, checked in this order (the first that applies wins).</summary>
public enum RestockUrgency
{
    /// <summary>Nothing on hand: every sale is being lost now.</summary>
    OutOfStock,

    /// <summary>
    /// Days of cover below the lead time: stock runs out before an order placed now can land (units already on order
    /// are not counted, because their arrival days are not known).
    /// </summary>
    Critical,

    /// <summary>Inventory position (on hand + on order) at or under the reorder point.</summary>
    Reorder,

    /// <summary>Enough stock and not too much.</summary>
    Healthy,

    /// <summary>
    /// Days of cover above <see cref="RestockSettings.OverstockMultiple"/> times the protection interval (lead time +
    /// review period), or stock on hand while no demand is forecast.
    /// </summary>
    Overstocked,
}
