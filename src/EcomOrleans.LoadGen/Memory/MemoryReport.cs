namespace EcomOrleans.LoadGen.Memory;

/// <summary>
/// What <c>bench-memory</c> prints: managed heap per activation (measured as the heap a full, compacting collection
/// keeps with the activations minus what it keeps once they are deactivated) and mean stored bytes per grain.
/// <see cref="BytesPerOneEventUser"/> is the floor: a shopper activated with a single event.
/// </summary>
public sealed record MemoryReport(
    int Users,
    int EventsPerUser,
    long BytesPerUser,
    long StoredBytesPerUser,
    int ReplayUsers,
    int ReplayEvents,
    long BytesPerReplayUser,
    long StoredBytesPerReplayUser,
    int Skus,
    long BytesPerSku,
    long StoredBytesPerSku,
    long HeapBytesAtPeak,
    long BytesPerOneEventUser,
    long StoredBytesPerOneEventUser);
