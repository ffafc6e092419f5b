using System.Globalization;

namespace EcomOrleans.LoadGen.Datasets;

/// <summary>
/// Narrows a replay to its first shoppers and, for a soak, sends them again and again: the same people coming back,
/// each pass with new event and session ids (so nothing is a duplicate and every pass is a new visit) and the same
/// order, until the wanted number of events. A few hundred shoppers replayed for minutes fill every window a
/// shopper's grain keeps (sequence, sessions, dedup), which one pass of a data set never does.
/// </summary>
public static class ShopperSelection
{
    /// <param name="shoppers">Keep the events of the first this many shoppers, by first appearance; null keeps all.</param>
    /// <param name="events">With <paramref name="repeat"/>, the number of events to reach; passes after the first append <c>:p{pass}</c> to event and session ids.</param>
    public static ReplayScript Select(ReplayScript script, int? shoppers, bool repeat, int? events)
    {
        ArgumentNullException.ThrowIfNull(script);
        if (shoppers is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(shoppers), shoppers, "Keep at least one shopper.");
        }

        var kept = script.Events;
        if (shoppers is { } count)
        {
            var chosen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in script.Events)
            {
                if (chosen.Count == count)
                {
                    break;
                }

                chosen.Add(e.UserId);
            }

            kept = [.. script.Events.Where(e => chosen.Contains(e.UserId))];
        }

        if (!repeat || kept.Length == 0 || events is not { } wanted || wanted <= kept.Length)
        {
            kept = events is { } limit && limit < kept.Length ? kept[..limit] : kept;
            return script with { Events = kept, Catalog = CatalogOf(script, kept) };
        }

        var repeated = new ReplayEvent[wanted];
        for (var i = 0; i < wanted; i++)
        {
            var pass = i / kept.Length;
            var e = kept[i % kept.Length];
            repeated[i] = pass == 0 ? e : e with { EventId = Passed(e.EventId, pass), SessionId = Passed(e.SessionId, pass) };
        }

        return script with { Events = repeated, Catalog = CatalogOf(script, kept) };
    }

    private static string Passed(string id, int pass) => string.Create(CultureInfo.InvariantCulture, $"{id}:p{pass}");

    private static IReadOnlyList<SkuDefinition> CatalogOf(ReplayScript script, ReplayEvent[] events)
    {
        var used = events.Select(e => e.Sku).ToHashSet(StringComparer.Ordinal);
        return [.. script.Catalog.Where(s => used.Contains(s.Sku))];
    }
}
