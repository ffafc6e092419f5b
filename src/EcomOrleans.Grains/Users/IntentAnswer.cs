using System.Globalization;
using EcomOrleans.Events;
using EcomOrleans.Inference;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Users;

/// <summary>
/// Combines a message's intent distribution with what the shopper did into one answer (the intent or the fallback,
/// the purchase it refers to, why), and lists the shopper's likely needs in words. Pure; docs/intent.md.
/// </summary>
public static class IntentAnswer
{
    /// <summary>
    /// The top two closer than this send the answer to the fallback (Rasa's default). With the served model's
    /// threshold of 0.655 it never decides alone: a top probability of 0.655 leaves the second at most 0.345.
    /// </summary>
    public const float Margin = 0.1f;

    /// <summary>Intents about an order already placed: the answer names the purchase they most likely refer to.</summary>
    public static readonly IReadOnlySet<string> OrderIntents = new HashSet<string>(StringComparer.Ordinal)
    {
        "cancel_order", "change_order", "track_order", "get_refund", "track_refund", "complaint", "review",
        "delivery_period", "get_invoice", "check_invoices", "payment_issue", "change_shipping_address", "check_cancellation_fee",
    };

    /// <summary>The answer to <paramref name="prediction"/> for a shopper whose recent sequence is <paramref name="sequence"/>.</summary>
    public static MessageIntent Of(IntentPrediction prediction, IReadOnlyList<SequenceEntry> sequence, DateTimeOffset now)
    {
        var top = prediction.Intents.Take(3).ToList();
        var first = top[0];
        var second = top.Count > 1 ? top[1].Probability : 0f;
        var reason = prediction is { InScope: { } near, InScopeThreshold: { } far } && near < far
            ? $"the message is far from every intent's examples: similarity {P(near)}, under the threshold {P(far)}"
            : first.Probability < prediction.FallbackThreshold
            ? $"the top intent, {first.Intent}, has probability {P(first.Probability)}, under the threshold {P(prediction.FallbackThreshold)}"
            : first.Probability - second < Margin
                ? $"the top two, {first.Intent} and {top[1].Intent}, are within {P(Margin)} of each other ({P(first.Probability)} and {P(second)})"
                : null;
        if (reason is not null)
        {
            return new MessageIntent(MessageIntent.FallbackIntent, reason, top, prediction.FallbackThreshold, Margin, prediction.ModelVersion, null,
                $"not sure what the message asks: {reason}; ask the shopper to rephrase or hand over", prediction.InScope, prediction.InScopeThreshold);
        }

        var refersTo = OrderIntents.Contains(first.Intent) ? LatestPurchase(sequence, now) : null;
        var why = $"the message reads as {first.Intent} (probability {P(first.Probability)})";
        why += refersTo is null
            ? OrderIntents.Contains(first.Intent) ? "; no purchase in the shopper's recent events to refer it to" : ""
            : $"; it refers to an order, and the latest purchase is {refersTo.Quantity} x {refersTo.Sku}, {BehaviorSignalReader.Days(refersTo.DaysAgo)} ago";
        return new MessageIntent(first.Intent, null, top, prediction.FallbackThreshold, Margin, prediction.ModelVersion, refersTo, why, prediction.InScope, prediction.InScopeThreshold);
    }

    /// <summary>The most recent purchase among the recent events, or <see langword="null"/>.</summary>
    public static PurchaseReference? LatestPurchase(IReadOnlyList<SequenceEntry> sequence, DateTimeOffset now)
    {
        for (var i = sequence.Count - 1; i >= 0; i--)
        {
            if (sequence[i] is { Kind: EventKind.Purchase, Sku: { } sku } e)
            {
                return new PurchaseReference(sku, e.Timestamp, e.Quantity, e.Price, Math.Round(Math.Max(0, (now - e.Timestamp).TotalDays), 2));
            }
        }

        return null;
    }

    /// <summary>The shopper's likely needs, most likely first: the message's, an abandoned cart, a recent order, what they look at, churn.</summary>
    public static IReadOnlyList<ShopperNeed> Needs(MessageIntent? message, BehaviorSignals signals, IReadOnlyList<SequenceEntry> sequence, DateTimeOffset now)
    {
        var needs = new List<ShopperNeed>();
        var latest = LatestPurchase(sequence, now);
        if (message is { Fallback: false } m)
        {
            var topic = m.RefersTo is { } order
                ? $"{Words(m.Intent)}: the order of {order.Sku} bought {BehaviorSignalReader.Days(order.DaysAgo)} ago"
                : Words(m.Intent);
            needs.Add(new ShopperNeed(topic, m.Top[0].Probability, [m.Why]));
        }

        if (signals.CartAbandonment.Value is > 0.5 and var abandoned)
        {
            needs.Add(new ShopperNeed("left items in the cart without buying", abandoned, signals.CartAbandonment.Evidence));
        }

        if (latest is { DaysAgo: <= 14 } recent && message?.RefersTo is null)
        {
            needs.Add(new ShopperNeed($"may ask about the order of {recent.Sku} bought {BehaviorSignalReader.Days(recent.DaysAgo)} ago", 0.3,
                [$"bought {recent.Quantity} x {recent.Sku} {BehaviorSignalReader.Days(recent.DaysAgo)} ago"]));
        }

        if (signals.Skus.Count > 0 && signals.Converging.Confidence >= 0.5)
        {
            var focus = signals.Categories.Count > 0 ? $"{signals.Skus[0].Key} in {signals.Categories[0].Key}" : signals.Skus[0].Key;
            needs.Add(new ShopperNeed($"looking at {focus}", BehaviorSignalReader.Round(signals.Converging.Confidence * signals.Skus[0].Strength), signals.Converging.Evidence));
        }

        if (signals.ChurnRisk.Value is > 0.5 and var churn)
        {
            needs.Add(new ShopperNeed("has not been back for longer than usual", churn, signals.ChurnRisk.Evidence));
        }

        return [.. needs.OrderByDescending(n => n.Likelihood)];
    }

    private static string Words(string intent) => intent.Replace('_', ' ');

    private static string P(float p) => p.ToString("0.###", CultureInfo.InvariantCulture);
}
