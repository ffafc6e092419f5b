using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace EcomOrleans.LoadGen.Reporting;

/// <summary>
/// Bytes allocated in this process by type, from the runtime's sampled allocation events (one event about every
/// 100 KB allocated, naming the type of the object that crossed the mark and the bytes since the last). Unbiased by
/// bytes, so over a few thousand events it says where the allocations go; one type's figure is not exact.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    /// <summary>Sampled bytes by type name, most first.</summary>
    public IReadOnlyList<(string Type, long Bytes)> ByType() =>
        [.. _bytes.Select(kv => (kv.Key, kv.Value)).OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal)];

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource)
        {
            // Verbose: the allocation events are verbose events of the GC keyword.
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }

        var type = names.IndexOf("TypeName") is var t and >= 0 ? payload[t] as string ?? "?" : "?";
        var bytes = names.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(payload[a], System.Globalization.CultureInfo.InvariantCulture) : 0;
        _bytes.AddOrUpdate(type, bytes, (_, sum) => sum + bytes);
    }
}
