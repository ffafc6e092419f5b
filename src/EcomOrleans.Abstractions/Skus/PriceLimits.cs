namespace EcomOrleans.Skus;

/// <summary>The guardrails a suggestion was kept inside.</summary>
/// <param name="MaxChange">Largest move in one step, a fraction of the current price.</param>
/// <param name="MinimumMargin">Smallest (price - cost) / price.</param>
/// <param name="TargetDaysOfCover">A markdown only when days of cover are above this.</param>
[GenerateSerializer, Immutable, Alias("ecom.PriceLimits")]
public sealed record PriceLimits(
    [property: Id(0)] double MaxChange,
    [property: Id(1)] double MinimumMargin,
    [property: Id(2)] double TargetDaysOfCover);
