using System.Text.Json.Serialization;
using EcomOrleans.Events;

namespace EcomOrleans.LoadGen.Datasets;

/// <summary>
/// One behaviour event exactly as <c>POST /api/events</c> takes it. Its strings are built once when the
/// data set is loaded, so sending allocates nothing per event.
/// </summary>
public readonly record struct ReplayEvent(
    string EventId,
    string UserId,
    string SessionId,
    EventKind Kind,
    string Sku,
    int Quantity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Price,
    DateTimeOffset Timestamp);
