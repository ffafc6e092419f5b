namespace EcomOrleans.Grains.Users;

/// <summary>A category affinity score as of <see cref="AsOf"/>; it decays from there.</summary>
[GenerateSerializer, Alias("ecom.AffinityState")]
public sealed class AffinityState
{
    [Id(0)] public string Category { get; set; } = "";

    [Id(1)] public double Score { get; set; }

    [Id(2)] public DateTimeOffset AsOf { get; set; }
}
