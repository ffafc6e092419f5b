using EcomOrleans.Events;
using EcomOrleans.Grains.Users;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Tests.Users;

/// <summary>Each signal on constructed sequences, its values worked by hand in the comments.</summary>
public sealed class BehaviorSignalReaderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> Categories = new() { ["a"] = "lips", ["b"] = "eyes", ["c"] = "eyes" };

    [Fact]
    public void Converging_WeighsKindsAndHalvesEachHour()
    {
        // a: a view an hour old (1 x 0.5) and a click now (2) = 2.5; b: a cart now (3); total 5.5.
        SequenceEntry[] sequence = [At(EventKind.View, "a", -60), At(EventKind.Click, "a", 0), At(EventKind.AddToCart, "b", 0)];

        var signals = Read(sequence, T0);

        Assert.Equal([new Convergence("b", 0.545), new Convergence("a", 0.455)], signals.Skus);
        Assert.Equal([new Convergence("eyes", 0.545), new Convergence("lips", 0.455)], signals.Categories);
        // Three weighted events: 1 - e^(-3/5) = 0.451.
        Assert.Equal(new Signal(0.545, 0.451, ["1 event on b", "2 events on a"]), signals.Converging, SignalComparer.Instance);
    }

    [Fact]
    public void Converging_AllRemoved_HasNoValue()
    {
        var signals = Read([At(EventKind.AddToCart, "a", 0), At(EventKind.RemoveFromCart, "a", 0)], T0);

        Assert.Empty(signals.Skus);
        Assert.Equal(new Signal(null, 0, ["no views, clicks or carts in the recent sequence"]), signals.Converging, SignalComparer.Instance);
    }

    [Fact]
    public void CartAbandonment_OpenCartIdleHalfAnHour_IsOneLessOneOverE()
    {
        SequenceEntry[] sequence = [At(EventKind.View, "b", -5), At(EventKind.AddToCart, "b", 0, quantity: 2)];

        var signals = Read(sequence, T0.AddMinutes(30));

        // 1 - e^(-30/30) = 0.632; the session ended (30 minutes idle), so 0.9 confidence.
        Assert.False(signals.SessionActive);
        Assert.Equal(new Signal(0.632, 0.9, ["2 units of b in the cart", "last event 30 min ago"]), signals.CartAbandonment, SignalComparer.Instance);
        Assert.Equal(new Signal(0.5, 0.3, ["2 units in the cart"]), signals.PurchasePropensity, SignalComparer.Instance);
    }

    [Fact]
    public void CartAbandonment_CartBoughtOrRemoved_IsZero()
    {
        SequenceEntry[] sequence =
        [
            At(EventKind.AddToCart, "a", 0), At(EventKind.AddToCart, "b", 1, quantity: 2), At(EventKind.RemoveFromCart, "b", 2, quantity: 2), At(EventKind.Purchase, "a", 3),
        ];

        var signals = Read(sequence, T0.AddMinutes(10));

        Assert.True(signals.SessionActive);
        Assert.Equal(new Signal(0, 0.9, ["no open cart in the latest session"]), signals.CartAbandonment, SignalComparer.Instance);
        Assert.Equal(new Signal(1, 0.3, ["bought 1 unit this session"]), signals.PurchasePropensity, SignalComparer.Instance);
    }

    [Fact]
    public void PurchasePropensity_OnlyTheLatestSessionCounts()
    {
        SequenceEntry[] sequence = [At(EventKind.Purchase, "a", -120, session: "old"), At(EventKind.View, "b", 0), At(EventKind.Click, "c", 1)];

        var signals = Read(sequence, T0.AddMinutes(2));

        Assert.Equal(new Signal(0.15, 0.3, ["1 click, nothing in the cart"]), signals.PurchasePropensity, SignalComparer.Instance);
    }

    [Fact]
    public void ChurnRisk_TwiceTheUsualGap_IsOneHalf()
    {
        // Sessions start on days 0, 2 and 4 (median gap 2 days); the last ends an hour in; now is 4 days after that.
        SessionSummary[] sessions = [Session(4), Session(2), Session(0)];

        var churn = BehaviorSignalReader.Churn(sessions, T0.AddDays(8).AddHours(1));

        // r = 4 / 2 = 2; 1 - 2^(-2/2) = 0.5; confidence (3 - 1) / 10.
        Assert.Equal(new Signal(0.5, 0.2, ["last seen 4 days ago", "usual gap between sessions 2 days (median of 2)"]), churn, SignalComparer.Instance);
    }

    [Fact]
    public void ChurnRisk_TwoSessions_IsNotRead()
    {
        var churn = BehaviorSignalReader.Churn([Session(2), Session(0)], T0.AddDays(30));

        Assert.Equal(new Signal(null, 0, ["2 sessions: too few to know their rhythm"]), churn, SignalComparer.Instance);
    }

    [Fact]
    public void ComplaintRisk_RefundContactAfterARecentPurchase_IsHigh()
    {
        SequenceEntry[] sequence = [At(EventKind.Purchase, "a", -2 * 24 * 60)];

        var afterPurchase = BehaviorSignalReader.ComplaintRisk(sequence, [new SupportContact("get_refund", T0.AddDays(-1))], T0);
        var beforePurchase = BehaviorSignalReader.ComplaintRisk(sequence, [new SupportContact("get_refund", T0.AddDays(-3))], T0);
        var unrelated = BehaviorSignalReader.ComplaintRisk(sequence, [new SupportContact("create_account", T0.AddDays(-1))], T0);
        var none = BehaviorSignalReader.ComplaintRisk([At(EventKind.Purchase, "a", -31 * 24 * 60)], [new SupportContact("complaint", T0)], T0);

        Assert.Equal(new Signal(0.8, 0.7, ["bought a 2 days ago", "contacted support (get_refund) 1 day ago"]), afterPurchase, SignalComparer.Instance);
        Assert.Equal(new Signal(0.05, 0.5, ["bought a 2 days ago", "no support contact about it"]), beforePurchase, SignalComparer.Instance);
        Assert.Equal(0.05, unrelated.Value);
        Assert.Equal(new Signal(0, 0.5, ["no purchase in the last 30 days"]), none, SignalComparer.Instance);
    }

    [Fact]
    public void PriceSensitivity_AShopperAtTheCheapEnd_IsHigh_WeightedByWhatTheyDid()
    {
        // a at the 10th percentile of its category, b at the 30th, c has no price position.
        var percentiles = new Dictionary<string, double> { ["a"] = 0.1, ["b"] = 0.3 };
        var sequence = new[] { At(EventKind.View, "a", -30), At(EventKind.View, "c", -20), At(EventKind.Purchase, "b", -10) };

        var signal = BehaviorSignalReader.PriceSensitivity(sequence, sku => percentiles.TryGetValue(sku, out var p) ? p : null);

        // (1 x 0.1 + 5 x 0.3) / 6 = 0.2667: 1 - 0.2667 = 0.7333; two events with a position: 1 - e^(-2/5) = 0.3297.
        Assert.Equal(new Signal(0.7333, 0.3297, ["2 events (views, clicks, carts, purchases) at the 27th percentile of their categories' prices, weighted"]), signal, SignalComparer.Instance);
    }

    [Fact]
    public void PriceSensitivity_NoItemWithAPricePosition_IsNullAndSaysWhy()
    {
        var signals = Read([At(EventKind.View, "a", 0)], T0);

        Assert.Equal(new Signal(null, 0, ["no item they looked at or bought has a price in a category of 3 or more priced SKUs"]), signals.PriceSensitivity, SignalComparer.Instance);
    }

    private static BehaviorSignals Read(IReadOnlyList<SequenceEntry> sequence, DateTimeOffset now) =>
        BehaviorSignalReader.Read(sequence, [], [], sku => Categories.GetValueOrDefault(sku), now);

    private static SequenceEntry At(EventKind kind, string sku, int minutes, int quantity = 1, string session = "s-1") =>
        new(kind, sku, T0.AddMinutes(minutes), session, quantity);

    private static SessionSummary Session(int day) => new($"s-{day}", T0.AddDays(day), T0.AddDays(day).AddHours(1), 3);
}

/// <summary>Signals equal by value, confidence and evidence (records compare lists by reference).</summary>
internal sealed class SignalComparer : IEqualityComparer<Signal>
{
    public static readonly SignalComparer Instance = new();

    public bool Equals(Signal? x, Signal? y) =>
        x is not null && y is not null && x.Value == y.Value && x.Confidence == y.Confidence && x.Evidence.SequenceEqual(y.Evidence);

    public int GetHashCode(Signal obj) => HashCode.Combine(obj.Value, obj.Confidence);
}
