namespace EcomOrleans.Grains.Common;

/// <summary>
/// Growth for the bounded lists of grain state: a <see cref="List{T}"/> doubles its array, so one that holds at most
/// 50 entries ends with 64 slots, and a JSON read of 50 entries builds the same. These keep the array at the bound.
/// </summary>
public static class BoundedList
{
    /// <summary>Makes room for one more entry, doubling as a list does but never past <paramref name="bound"/> slots.</summary>
    public static void EnsureRoomForOne<T>(List<T> list, int bound)
    {
        if (list.Count == list.Capacity && list.Count < bound)
        {
            list.Capacity = Math.Min(bound, Math.Max(4, list.Count * 2));
        }
    }

    /// <summary>Gives back the slots past <paramref name="bound"/> that growth or a JSON read left (a no-op when there are none).</summary>
    public static void TrimToBound<T>(List<T> list, int bound)
    {
        var slots = Math.Max(list.Count, bound);
        if (list.Capacity > slots)
        {
            list.Capacity = slots;
        }
    }
}
