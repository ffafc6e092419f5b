namespace EcomOrleans.Grains.Users;

/// <summary>A category affinity score as of <see cref="AsOf"/>; it decays from there.</summary>
/// <remarks>
/// A struct of 24 bytes in the state's list (a class with a <see cref="DateTimeOffset"/> was 48 and a reference):
/// the time is kept as UTC ticks, since a decay reads only how long ago it was. The JSON is the class's, so state
/// written before reads unchanged. NOTE: settable: grain storage deserializes it.
/// </remarks>
[GenerateSerializer, Alias("ecom.AffinityState")]
public record struct AffinityState
{
    [Id(2)] private long _asOfUtcTicks;

    [Id(0)] public string Category { get; set; }

    [Id(1)] public double Score { get; set; }

    public DateTimeOffset AsOf
    {
        readonly get => new(_asOfUtcTicks, TimeSpan.Zero);
        set => _asOfUtcTicks = value.UtcTicks;
    }
}
