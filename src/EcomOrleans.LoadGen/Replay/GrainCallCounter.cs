using System.Collections.Concurrent;

namespace EcomOrleans.LoadGen.Replay;

/// <summary>
/// Counts the grain calls an in-process silo receives, in all and per grain interface method, so a run can say how
/// many each event or request costs and which calls they are.
/// </summary>
/// <remarks>
/// Counted per request type (Orleans generates one per interface method), so a call costs a dictionary lookup and an
/// increment: the method's name is formatted once, when its first call arrives, not on every call of the run it measures.
/// </remarks>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<Type, MethodCalls> _byRequest = new();

    public long Calls => _byRequest.Values.Sum(m => Interlocked.Read(ref m.Calls));

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var type = context.Request.GetType();
        if (!_byRequest.TryGetValue(type, out var method))
        {
            method = _byRequest.GetOrAdd(type, static (_, c) => new MethodCalls(NameOf(c)), context);
        }

        Interlocked.Increment(ref method.Calls);
        return context.Invoke();
    }

    /// <summary>The calls so far per <c>Interface.Method</c>.</summary>
    public Dictionary<string, long> ByMethod() =>
        _byRequest.Values
            .GroupBy(m => m.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(m => Interlocked.Read(ref m.Calls)), StringComparer.Ordinal);

    /// <summary>The calls per method between two <see cref="ByMethod"/> snapshots, most first, methods not called left out.</summary>
    public static List<(string Method, long Calls)> Difference(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        [.. after.Select(kv => (kv.Key, kv.Value - before.GetValueOrDefault(kv.Key)))
            .Where(d => d.Item2 > 0)
            .OrderByDescending(d => d.Item2)
            .ThenBy(d => d.Key, StringComparer.Ordinal)];

    private static string NameOf(IIncomingGrainCallContext context) =>
        context.InterfaceMethod is { } method ? $"{method.DeclaringType?.Name}.{method.Name}" : context.Request.GetType().Name;

    private sealed class MethodCalls(string name)
    {
        public readonly string Name = name;
        public long Calls;
    }
}
