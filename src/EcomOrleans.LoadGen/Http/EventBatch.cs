using EcomOrleans.LoadGen.Datasets;

namespace EcomOrleans.LoadGen.Http;

/// <summary>The body of <c>POST /api/events</c>: at most <see cref="MaxEvents"/> events.</summary>
public sealed record EventBatch(ReadOnlyMemory<ReplayEvent> Events)
{
    /// <summary>The engine answers 400 to a larger batch. 500.</summary>
    public const int MaxEvents = 500;
}
