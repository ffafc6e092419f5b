using System.Diagnostics.CodeAnalysis;

namespace EcomOrleans.Events;

/// <summary>
/// The one place an <see cref="EventKind"/> meets its wire name: the HTTP contract, the ingestion
/// validator, the metric tags and the load generator all derive from it.
/// </summary>
public static class EventKinds
{
    private static readonly string[] WireNames = ["view", "click", "search", "add_to_cart", "remove_from_cart", "purchase"];

    /// <summary>Every kind, in contract order.</summary>
    public static IReadOnlyList<EventKind> All { get; } = Enum.GetValues<EventKind>();

    /// <summary>Every wire name, in contract order (<c>view</c>, <c>click</c>, ... <c>purchase</c>).</summary>
    public static IReadOnlyList<string> AllWireNames { get; } = WireNames;

    /// <summary>The snake_case wire name of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined kind.</exception>
    public static string WireName(EventKind kind) =>
        (uint)kind < (uint)WireNames.Length ? WireNames[(int)kind] : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an event kind.");

    /// <summary>Parses an exact (case-sensitive) wire name.</summary>
    public static bool TryParse([NotNullWhen(true)] string? wireName, out EventKind kind)
    {
        var index = wireName is null ? -1 : Array.IndexOf(WireNames, wireName);
        kind = index < 0 ? default : (EventKind)index;
        return index >= 0;
    }
}
