using System.Text.Json.Serialization;

namespace EcomOrleans.Users;

/// <summary>One of the user's recent sessions.</summary>
/// <remarks>
/// A struct of 32 bytes in a list (a positional record class was 64 and a reference): the times are kept as UTC
/// ticks and offsets in minutes. The JSON is the record's, property for property, so state written before reads
/// unchanged.
/// </remarks>
[GenerateSerializer(IncludePrimaryConstructorParameters = false), Immutable, Alias("ecom.SessionSummary")]
public readonly record struct SessionSummary
{
    [Id(0)] private readonly string _sessionId;
    [Id(1)] private readonly long _startedUtcTicks;
    [Id(2)] private readonly long _lastSeenUtcTicks;
    [Id(3)] private readonly int _events;
    [Id(4)] private readonly short _startedOffsetMinutes;
    [Id(5)] private readonly short _lastSeenOffsetMinutes;

    /// <remarks>NOTE: the parameters are named as the properties, as a positional record's are: callers name them and JSON binds them.</remarks>
    [JsonConstructor]
    public SessionSummary(string SessionId, DateTimeOffset Started, DateTimeOffset LastSeen, int Events)
    {
        _sessionId = SessionId;
        _startedUtcTicks = Started.UtcTicks;
        _startedOffsetMinutes = (short)Started.TotalOffsetMinutes;
        _lastSeenUtcTicks = LastSeen.UtcTicks;
        _lastSeenOffsetMinutes = (short)LastSeen.TotalOffsetMinutes;
        _events = Events;
    }

    public string SessionId => _sessionId;

    public DateTimeOffset Started => At(_startedUtcTicks, _startedOffsetMinutes);

    public DateTimeOffset LastSeen => At(_lastSeenUtcTicks, _lastSeenOffsetMinutes);

    public int Events => _events;

    /// <summary>The UTC ticks of <see cref="LastSeen"/>, for ordering without building it.</summary>
    [JsonIgnore]
    public long LastSeenUtcTicks => _lastSeenUtcTicks;

    private static DateTimeOffset At(long utcTicks, short offsetMinutes) =>
        new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes));
}
