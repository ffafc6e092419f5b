using EcomOrleans.Inference;

namespace EcomOrleans.Users;

/// <summary>What a shopper most likely wants right now: behaviour signals, needs in words, and a message's intent.</summary>
/// <param name="Message">The intent of the message the shopper just typed; <see langword="null"/> when none was sent.</param>
/// <param name="Needs">The most likely needs, most likely first, in words a bot can use, each with its evidence.</param>
/// <param name="Signals">Read from the shopper's recent behaviour as of <paramref name="AsOf"/>.</param>
[GenerateSerializer, Immutable, Alias("ecom.UserIntent")]
public sealed record UserIntent(
    [property: Id(0)] string UserId,
    [property: Id(1)] MessageIntent? Message,
    [property: Id(2)] IReadOnlyList<ShopperNeed> Needs,
    [property: Id(3)] BehaviorSignals Signals,
    [property: Id(4)] DateTimeOffset AsOf);

/// <summary>A message's intent, or the fallback when the classifier is not sure.</summary>
/// <param name="Intent">The top intent, or <see cref="FallbackIntent"/>.</param>
/// <param name="FallbackReason">Why the answer is the fallback; <see langword="null"/> when it is not.</param>
/// <param name="Top">The three most likely intents with their probabilities, whether or not the answer is the fallback.</param>
/// <param name="Threshold">The top probability under which the answer is the fallback (chosen on data: docs/intent.md).</param>
/// <param name="Margin">The gap between the top two under which the answer is the fallback.</param>
/// <param name="RefersTo">The purchase the message most likely refers to, for intents about an order already placed.</param>
/// <param name="Why">One line: what was read and how it was combined with what the shopper did.</param>
/// <param name="InScope">How near the message is to the intents' training messages, for a model that answers it.</param>
/// <param name="InScopeThreshold">The in-scope score under which the answer is the fallback, whatever the probabilities.</param>
[GenerateSerializer, Immutable, Alias("ecom.MessageIntent")]
public sealed record MessageIntent(
    [property: Id(0)] string Intent,
    [property: Id(1)] string? FallbackReason,
    [property: Id(2)] IReadOnlyList<IntentScore> Top,
    [property: Id(3)] float Threshold,
    [property: Id(4)] float Margin,
    [property: Id(5)] string ModelVersion,
    [property: Id(6)] PurchaseReference? RefersTo,
    [property: Id(7)] string Why,
    [property: Id(8)] float? InScope = null,
    [property: Id(9)] float? InScopeThreshold = null)
{
    /// <summary>The intent answered when the classifier is not sure: the bot asks again or hands over.</summary>
    public const string FallbackIntent = "fallback";

    public bool Fallback => FallbackReason is not null;
}

/// <summary>One of the shopper's purchases.</summary>
[GenerateSerializer, Immutable, Alias("ecom.PurchaseReference")]
public sealed record PurchaseReference(
    [property: Id(0)] string Sku,
    [property: Id(1)] DateTimeOffset Purchased,
    [property: Id(2)] int Quantity,
    [property: Id(3)] decimal? Price,
    [property: Id(4)] double DaysAgo);

/// <summary>A need in words (<c>asking about the order of SKU beauty-17 bought 2 days ago</c>), how likely, and why.</summary>
[GenerateSerializer, Immutable, Alias("ecom.ShopperNeed")]
public sealed record ShopperNeed(
    [property: Id(0)] string Need,
    [property: Id(1)] double Likelihood,
    [property: Id(2)] IReadOnlyList<string> Evidence);

/// <summary>A value read from behaviour, how far to trust it (0-1), and the events that drove it.</summary>
/// <param name="Value">0-1, or <see langword="null"/> when it cannot be read (the evidence says why).</param>
[GenerateSerializer, Immutable, Alias("ecom.Signal")]
public sealed record Signal(
    [property: Id(0)] double? Value,
    [property: Id(1)] double Confidence,
    [property: Id(2)] IReadOnlyList<string> Evidence);

/// <summary>A SKU or category the shopper is converging on, with its share of their recent weighted attention.</summary>
[GenerateSerializer, Immutable, Alias("ecom.Convergence")]
public sealed record Convergence(
    [property: Id(0)] string Key,
    [property: Id(1)] double Strength);

/// <summary>The behaviour signals (definitions in docs/intent.md).</summary>
/// <param name="Skus">What the shopper is converging on, strongest first (at most 3).</param>
/// <param name="Categories">The categories of that attention, strongest first (at most 3).</param>
/// <param name="Converging">How sure the convergence is, and its evidence.</param>
/// <param name="SessionActive">True when the latest event is under 30 minutes old.</param>
[GenerateSerializer, Immutable, Alias("ecom.BehaviorSignals")]
public sealed record BehaviorSignals(
    [property: Id(0)] IReadOnlyList<Convergence> Skus,
    [property: Id(1)] IReadOnlyList<Convergence> Categories,
    [property: Id(2)] Signal Converging,
    [property: Id(3)] bool SessionActive,
    [property: Id(4)] Signal PurchasePropensity,
    [property: Id(5)] Signal CartAbandonment,
    [property: Id(6)] Signal PriceSensitivity,
    [property: Id(7)] Signal ChurnRisk,
    [property: Id(8)] Signal ComplaintRisk);
