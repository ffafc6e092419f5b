using EcomOrleans.Events;
using EcomOrleans.Grains.Users;
using EcomOrleans.Inference;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Tests.Users;

public sealed class IntentAnswerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static readonly SequenceEntry[] Bought =
    [
        new(EventKind.Purchase, "old", T0.AddDays(-9), "s-0"),
        new(EventKind.View, "other", T0.AddDays(-3), "s-1"),
        new(EventKind.Purchase, "lipstick", T0.AddDays(-2), "s-1", 2, 12.5m),
    ];

    [Fact]
    public void Of_ConfidentRefundRequest_RefersToTheLatestPurchase()
    {
        var answer = IntentAnswer.Of(Prediction(("get_refund", 0.9f), ("track_refund", 0.06f), ("complaint", 0.04f)), Bought, T0);

        Assert.Equal(("get_refund", false), (answer.Intent, answer.Fallback));
        Assert.Equal(new PurchaseReference("lipstick", T0.AddDays(-2), 2, 12.5m, 2), answer.RefersTo);
        Assert.Equal("the message reads as get_refund (probability 0.9); it refers to an order, and the latest purchase is 2 x lipstick, 2 days ago", answer.Why);
        Assert.Equal(["get_refund", "track_refund", "complaint"], answer.Top.Select(t => t.Intent));
    }

    [Fact]
    public void Of_TopUnderTheThreshold_IsTheFallback()
    {
        var answer = IntentAnswer.Of(Prediction(("track_order", 0.5f), ("cancel_order", 0.3f), ("complaint", 0.2f)), Bought, T0);

        Assert.Equal((MessageIntent.FallbackIntent, true, null), (answer.Intent, answer.Fallback, answer.RefersTo));
        Assert.Equal("the top intent, track_order, has probability 0.5, under the threshold 0.673", answer.FallbackReason);
    }

    [Fact]
    public void Of_ConfidentButFarFromEveryIntent_IsTheFallback()
    {
        var prediction = Prediction(("track_order", 0.9f), ("cancel_order", 0.05f)) with { InScope = 0.21f, InScopeThreshold = 0.287f };

        var answer = IntentAnswer.Of(prediction, Bought, T0);

        Assert.Equal((MessageIntent.FallbackIntent, true, null), (answer.Intent, answer.Fallback, answer.RefersTo));
        Assert.Equal("the message is far from every intent's examples: similarity 0.21, under the threshold 0.287", answer.FallbackReason);
        Assert.Equal((0.21f, 0.287f), (answer.InScope, answer.InScopeThreshold));
    }

    [Fact]
    public void Of_NearAnIntentAndConfident_IsAnswered()
    {
        var prediction = Prediction(("track_order", 0.9f), ("cancel_order", 0.05f)) with { InScope = 0.6f, InScopeThreshold = 0.287f };

        var answer = IntentAnswer.Of(prediction, Bought, T0);

        Assert.Equal(("track_order", false, 0.6f), (answer.Intent, answer.Fallback, answer.InScope));
    }

    [Fact]
    public void Of_TopTwoWithinTheMargin_IsTheFallback()
    {
        var answer = IntentAnswer.Of(Prediction(0.3f, ("track_order", 0.45f), ("cancel_order", 0.4f), ("complaint", 0.15f)), Bought, T0);

        Assert.Equal("the top two, track_order and cancel_order, are within 0.1 of each other (0.45 and 0.4)", answer.FallbackReason);
    }

    [Fact]
    public void Of_OrderIntentWithoutAPurchase_SaysThereIsNone()
    {
        var answer = IntentAnswer.Of(Prediction(("track_order", 0.95f), ("cancel_order", 0.05f)), [new(EventKind.View, "x", T0, "s-1")], T0);

        Assert.Null(answer.RefersTo);
        Assert.Equal("the message reads as track_order (probability 0.95); no purchase in the shopper's recent events to refer it to", answer.Why);
    }

    [Fact]
    public void Of_IntentNotAboutAnOrder_RefersToNothing()
    {
        var answer = IntentAnswer.Of(Prediction(("recover_password", 0.97f), ("edit_account", 0.03f)), Bought, T0);

        Assert.Null(answer.RefersTo);
        Assert.Equal("the message reads as recover_password (probability 0.97)", answer.Why);
    }

    [Fact]
    public void Needs_RefundMessageAndAnAbandonedCart_ListsBothMostLikelyFirst()
    {
        var message = IntentAnswer.Of(Prediction(("get_refund", 0.9f), ("track_refund", 0.1f)), Bought, T0);
        var signals = BehaviorSignalReader.Read(
            [.. Bought, new(EventKind.AddToCart, "serum", T0.AddHours(-2), "s-2")], [], [], _ => null, T0);

        var needs = IntentAnswer.Needs(message, signals, Bought, T0);

        // The cart: 2 hours idle, 1 - e^(-120/30) = 0.982. The refund: the message's 0.9. No "may ask about the order"
        // beside a message that names it already; two weighted events are too few for "looking at" (0.33 confidence).
        Assert.Equal(
            [("left items in the cart without buying", 0.982), ("get refund: the order of lipstick bought 2 days ago", 0.9)],
            needs.Select(n => (n.Need, Math.Round(n.Likelihood, 3))));
    }

    private static IntentPrediction Prediction(params (string Intent, float P)[] scores) => Prediction(0.673f, scores);

    private static IntentPrediction Prediction(float threshold, params (string Intent, float P)[] scores) =>
        new([.. scores.Select(s => new IntentScore(s.Intent, "", s.P))], "1", threshold);
}
