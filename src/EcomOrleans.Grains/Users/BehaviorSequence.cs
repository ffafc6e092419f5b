using EcomOrleans.Events;
using EcomOrleans.Grains.Common;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Users;

/// <summary>
/// A user's rolling behaviour sequence in event-time order, oldest first, bounded to <see cref="Capacity"/> entries
/// (a late event slots in where it happened; past the bound the oldest goes). Works on the persisted list in place,
/// which never holds more than <see cref="Capacity"/> slots.
/// </summary>
public sealed class BehaviorSequence
{
    private readonly List<SequenceEntry> entries;

    public BehaviorSequence(List<SequenceEntry> entries, int capacity)
    {
        this.entries = entries;
        Capacity = capacity;
        BoundedList.TrimToBound(entries, capacity);
    }

    public int Capacity { get; }

    public IReadOnlyList<SequenceEntry> Entries => entries;

    public void Add(SequenceEntry entry)
    {
        var ticks = entry.UtcTicks;
        if (entries.Count >= Capacity)
        {
            // Full: the oldest entries go to make room, and the new one with them when it is older than all that stay.
            var drop = entries.Count - Capacity + 1;
            if (entries[drop - 1].UtcTicks > ticks)
            {
                entries.RemoveRange(0, drop - 1);
                return;
            }

            entries.RemoveRange(0, drop);
        }

        var index = entries.Count;
        while (index > 0 && entries[index - 1].UtcTicks > ticks)
        {
            index--;
        }

        BoundedList.EnsureRoomForOne(entries, Capacity);
        entries.Insert(index, entry);
    }

    /// <summary>The item sequence the model reads: item events oldest first, repeats in a row collapsed.</summary>
    public List<string> ModelItems()
    {
        var skus = new List<string>(entries.Count);
        foreach (var e in entries)
        {
            if (e.IsItemEvent && (skus.Count == 0 || !string.Equals(skus[^1], e.Sku, StringComparison.Ordinal)))
            {
                skus.Add(e.Sku!);
            }
        }

        return skus;
    }

    /// <summary>The distinct SKUs of one session's item events, in first-seen order.</summary>
    /// <summary>
    /// The query of the latest search younger than <paramref name="window"/> at <paramref name="now"/>, in
    /// <paramref name="sessionId"/> when one is given (else in any session); <see langword="null"/> when none.
    /// </summary>
    public string? LatestSearch(string? sessionId, DateTimeOffset now, TimeSpan window)
    {
        var since = (now - window).UtcTicks;
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            var e = entries[i];
            if (e.UtcTicks <= since)
            {
                return null;
            }

            if (e is { Kind: EventKind.Search, Query: { Length: > 0 } query } && (sessionId is null || string.Equals(e.SessionId, sessionId, StringComparison.Ordinal)))
            {
                return query;
            }
        }

        return null;
    }

    public List<string> SessionItems(string sessionId) =>
        entries.Where(e => e.IsItemEvent && string.Equals(e.SessionId, sessionId, StringComparison.Ordinal))
            .Select(e => e.Sku!)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The SKUs a recommendation leaves out, as the sequence tells: those bought (when <paramref name="purchased"/>)
    /// and those still in the cart (when <paramref name="inCart"/>; a removal or a purchase takes an item out of it).
    /// One set, sized for <paramref name="room"/> more, so the recommendation chain adds its picks to it without a copy.
    /// </summary>
    public HashSet<string> Unrecommendable(bool purchased, bool inCart, int room)
    {
        // Sized once: at most one SKU a cart or purchase entry, and the room asked for.
        var carried = 0;
        foreach (var e in entries)
        {
            carried += e.Kind is EventKind.AddToCart or EventKind.Purchase ? 1 : 0;
        }

        List<string>? cart = null;
        var excluded = new HashSet<string>(room + carried, StringComparer.Ordinal);
        foreach (var e in entries)
        {
            switch (e.Kind)
            {
                case EventKind.AddToCart when inCart:
                    cart ??= [];
                    if (!cart.Contains(e.Sku!))
                    {
                        cart.Add(e.Sku!);
                    }

                    break;
                case EventKind.RemoveFromCart when inCart:
                    cart?.Remove(e.Sku!);
                    break;
                case EventKind.Purchase:
                    if (inCart)
                    {
                        cart?.Remove(e.Sku!);
                    }

                    if (purchased)
                    {
                        excluded.Add(e.Sku!);
                    }

                    break;
            }
        }

        if (cart is not null)
        {
            excluded.UnionWith(cart);
        }

        return excluded;
    }

    /// <summary>
    /// For "also viewed": the SKUs the same session viewed or clicked before <paramref name="at"/>, other than
    /// <paramref name="sku"/>, distinct, the latest <paramref name="take"/>.
    /// </summary>
    public IEnumerable<string> ViewedBefore(string sessionId, DateTimeOffset at, string sku, int take)
    {
        var atTicks = at.UtcTicks;
        return entries.Where(p => p.Kind is EventKind.View or EventKind.Click && p.Sku is not null
                && p.UtcTicks < atTicks
                && string.Equals(p.SessionId, sessionId, StringComparison.Ordinal)
                && !string.Equals(p.Sku, sku, StringComparison.Ordinal))
            .Select(p => p.Sku!)
            .Distinct(StringComparer.Ordinal)
            .TakeLast(take);
    }
}
