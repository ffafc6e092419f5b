using System.Collections.Concurrent;

namespace EcomOrleans.LoadGen.Replay;

/// <summary>
/// Counts the grain calls an in-process silo receives, in all and per grain interface method, so a run can say how
/// many each event or request costs and which calls they are.
/// </summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, long> _byMethod = new(StringComparer.Ordinal);
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        Interlocked.Increment(ref _calls);
        _byMethod.AddOrUpdate(NameOf(context), 1, static (_, n) => n + 1);
        return context.Invoke();
    }

    /// <summary>The calls so far per <c>Interface.Method</c>.</summary>
    public Dictionary<string, long> ByMethod() => new(_byMethod, StringComparer.Ordinal);

    /// <summary>The calls per method between two <see cref="ByMethod"/> snapshots, most first, methods not called left out.</summary>
    public static List<(string Method, long Calls)> Difference(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        [.. after.Select(kv => (kv.Key, kv.Value - before.GetValueOrDefault(kv.Key)))
            .Where(d => d.Item2 > 0)
            .OrderByDescending(d => d.Item2)
            .ThenBy(d => d.Key, StringComparer.Ordinal)];

    private static string NameOf(IIncomingGrainCallContext context) =>
        context.InterfaceMethod is { } method ? $"{method.DeclaringType?.Name}.{method.Name}" : context.Request.GetType().Name;
}
