using System.Globalization;
using EcomOrleans.Events;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Users;

/// <summary>A message to customer service, as the bot's call left it: its intent and when. The text is not kept.</summary>
public readonly record struct SupportContact(string Intent, DateTimeOffset At);

/// <summary>
/// Reads the behaviour signals from a shopper's rolling sequence, sessions and support contacts, as of a time. Pure;
/// every constant is defined, and why, in docs/intent.md ("Behaviour signals").
/// </summary>
public static class BehaviorSignalReader
{
    /// <summary>A session whose latest event is younger than this is under way.</summary>
    public static readonly TimeSpan ActiveSession = TimeSpan.FromMinutes(30);

    /// <summary>Half-life of an event's weight in the convergence: attention an hour old counts half.</summary>
    public static readonly TimeSpan ConvergenceHalfLife = TimeSpan.FromHours(1);

    /// <summary>A purchase this recent can be what a support contact is about.</summary>
    public static readonly TimeSpan RecentPurchase = TimeSpan.FromDays(30);

    /// <summary>Intents that complain about, or undo, an order: a contact with one after a purchase is a complaint risk.</summary>
    public static readonly IReadOnlySet<string> ComplaintIntents = new HashSet<string>(StringComparer.Ordinal)
    {
        "complaint", "get_refund", "track_refund", "check_refund_policy", "cancel_order", "payment_issue",
    };

    /// <summary>The weight of one event of each kind in the convergence (a purchase has converged already).</summary>
    public static double WeightOf(EventKind kind) => kind switch
    {
        EventKind.View => 1,
        EventKind.Click => 2,
        EventKind.AddToCart => 3,
        EventKind.RemoveFromCart => -3,
        _ => 0,
    };

    public static BehaviorSignals Read(
        IReadOnlyList<SequenceEntry> sequence,
        IReadOnlyList<SessionSummary> sessionsMostRecentFirst,
        IReadOnlyList<SupportContact> contacts,
        Func<string, string?> categoryOf,
        DateTimeOffset now,
        Func<string, double?>? pricePercentileOf = null)
    {
        var latest = sequence.Count == 0 ? (SequenceEntry?)null : sequence[^1];
        var active = latest is { } last && now - last.Timestamp < ActiveSession;
        var session = latest is { } l ? sequence.Where(e => string.Equals(e.SessionId, l.SessionId, StringComparison.Ordinal)).ToList() : [];
        var (skus, categories, converging) = Converge(sequence, categoryOf, now);
        return new BehaviorSignals(
            skus,
            categories,
            converging,
            active,
            Propensity(session),
            Abandonment(session, active, now),
            PriceSensitivity(sequence, pricePercentileOf ?? (_ => null)),
            Churn(sessionsMostRecentFirst, now),
            ComplaintRisk(sequence, contacts, now));
    }

    /// <summary>The weight of one event of each kind in the price sensitivity: a purchase says most about what they pay.</summary>
    public static double PriceWeightOf(EventKind kind) => kind switch
    {
        EventKind.View => 1,
        EventKind.Click => 2,
        EventKind.AddToCart => 3,
        EventKind.Purchase => 5,
        _ => 0,
    };

    /// <summary>
    /// Where the items the shopper viewed, clicked, carted and bought sit among their categories' prices
    /// (<paramref name="pricePercentileOf"/>: 0 the cheapest, near 1 the dearest), averaged with the weights of
    /// <see cref="PriceWeightOf"/>; the signal is 1 minus that average, so a shopper at the cheap end of every category
    /// is near 1. Confidence 1 - e^(-n/5) for n events with a price position. Null without any.
    /// </summary>
    internal static Signal PriceSensitivity(IReadOnlyList<SequenceEntry> sequence, Func<string, double?> pricePercentileOf)
    {
        double weighted = 0, weights = 0;
        var events = 0;
        foreach (var e in sequence)
        {
            var weight = PriceWeightOf(e.Kind);
            if (e.Sku is null || weight == 0 || pricePercentileOf(e.Sku) is not { } percentile)
            {
                continue;
            }

            weighted += weight * percentile;
            weights += weight;
            events++;
        }

        if (events == 0)
        {
            return new Signal(null, 0, ["no item they looked at or bought has a price in a category of 3 or more priced SKUs"]);
        }

        var mean = weighted / weights;
        return new Signal(Math.Round(1 - mean, 4), Math.Round(1 - Math.Exp(-events / 5.0), 4),
            [$"{Events(events)} (views, clicks, carts, purchases) at the {Ordinal((int)Math.Round(mean * 100))} percentile of their categories' prices, weighted"]);
    }

    private static string Events(int n) => n == 1 ? "1 event" : $"{n} events";

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };

    /// <summary>
    /// Each item event weighs <see cref="WeightOf"/> its kind, halved every <see cref="ConvergenceHalfLife"/> of age; a
    /// SKU's strength is its share of the total (negative totals count 0). Confidence grows with the weighted events:
    /// 1 - e^(-n/5), so five events give 0.63.
    /// </summary>
    internal static (IReadOnlyList<Convergence> Skus, IReadOnlyList<Convergence> Categories, Signal Signal) Converge(
        IReadOnlyList<SequenceEntry> sequence, Func<string, string?> categoryOf, DateTimeOffset now)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var events = 0;
        foreach (var e in sequence)
        {
            var weight = WeightOf(e.Kind);
            if (e.Sku is null || weight == 0)
            {
                continue;
            }

            var age = Math.Max(0, (now - e.Timestamp).TotalSeconds);
            weights[e.Sku] = weights.GetValueOrDefault(e.Sku) + (weight * Math.Pow(0.5, age / ConvergenceHalfLife.TotalSeconds));
            counts[e.Sku] = counts.GetValueOrDefault(e.Sku) + 1;
            events++;
        }

        var positive = weights.Where(w => w.Value > 0).ToList();
        var total = positive.Sum(w => w.Value);
        if (total <= 0)
        {
            return ([], [], new Signal(null, 0, ["no views, clicks or carts in the recent sequence"]));
        }

        var skus = positive.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal)
            .Take(3).Select(w => new Convergence(w.Key, Round(w.Value / total))).ToList();
        var categories = positive.GroupBy(w => categoryOf(w.Key)).Where(g => g.Key is not null)
            .Select(g => new Convergence(g.Key!, Round(g.Sum(w => w.Value) / total)))
            .OrderByDescending(c => c.Strength).ThenBy(c => c.Key, StringComparer.Ordinal).Take(3).ToList();
        var evidence = skus.Select(s => $"{counts[s.Key]} {(counts[s.Key] == 1 ? "event" : "events")} on {s.Key}").ToList();
        return (skus, categories, new Signal(skus[0].Strength, Round(1 - Math.Exp(-events / 5.0)), evidence));
    }

    /// <summary>
    /// Where the latest session stands in the funnel: 0.05 viewing only, 0.15 after a click, 0.5 with an open cart,
    /// 1 once it bought. Not fitted (docs/intent.md says why); confidence 0.3 for that reason.
    /// </summary>
    internal static Signal Propensity(IReadOnlyList<SequenceEntry> session)
    {
        if (session.Count == 0)
        {
            return new Signal(null, 0, ["no session yet"]);
        }

        var views = session.Count(e => e.Kind == EventKind.View);
        var clicks = session.Count(e => e.Kind == EventKind.Click);
        var open = OpenCart(session);
        var bought = session.Where(e => e.Kind == EventKind.Purchase).Sum(e => e.Quantity);
        var (value, stage) = bought > 0 ? (1.0, $"bought {bought} {Units(bought)} this session")
            : open.Count > 0 ? (0.5, $"{open.Values.Sum()} {Units(open.Values.Sum())} in the cart")
            : clicks > 0 ? (0.15, $"{clicks} {(clicks == 1 ? "click" : "clicks")}, nothing in the cart")
            : (0.05, $"{views} {(views == 1 ? "view" : "views")} only");
        return new Signal(value, 0.3, [stage]);
    }

    /// <summary>
    /// An open cart (carted, less removed, not bought since) in the latest session: 1 - e^(-idle / 30 min) of the time
    /// since its last event, so 0.63 after half an hour idle; 0 without an open cart. Confident (0.9) once the session
    /// has ended, 0.5 while it is under way.
    /// </summary>
    internal static Signal Abandonment(IReadOnlyList<SequenceEntry> session, bool active, DateTimeOffset now)
    {
        var open = OpenCart(session);
        if (open.Count == 0)
        {
            return new Signal(0, session.Count == 0 ? 0 : 0.9, [session.Count == 0 ? "no session yet" : "no open cart in the latest session"]);
        }

        var idle = now - session[^1].Timestamp;
        var value = Round(1 - Math.Exp(-Math.Max(0, idle.TotalMinutes) / ActiveSession.TotalMinutes));
        var evidence = open.Select(o => $"{o.Value} {Units(o.Value)} of {o.Key} in the cart").ToList();
        evidence.Add($"last event {Minutes(idle)} ago");
        return new Signal(value, active ? 0.5 : 0.9, evidence);
    }

    /// <summary>
    /// How far past their own rhythm the shopper is: r = time since the latest session over the median gap between
    /// their sessions' starts, risk = 1 - 2^(-r/2) (0.5 at twice their usual gap). Needs three sessions; confidence
    /// grows with them, (sessions - 1) / 10, at most 1.
    /// </summary>
    internal static Signal Churn(IReadOnlyList<SessionSummary> sessionsMostRecentFirst, DateTimeOffset now)
    {
        if (sessionsMostRecentFirst.Count < 3)
        {
            return new Signal(null, 0, [$"{sessionsMostRecentFirst.Count} {(sessionsMostRecentFirst.Count == 1 ? "session" : "sessions")}: too few to know their rhythm"]);
        }

        var starts = sessionsMostRecentFirst.Select(s => s.Started).Order().ToArray();
        var gaps = starts.Zip(starts.Skip(1), (a, b) => (b - a).TotalDays).Order().ToArray();
        var median = gaps.Length % 2 == 1 ? gaps[gaps.Length / 2] : (gaps[(gaps.Length / 2) - 1] + gaps[gaps.Length / 2]) / 2;
        var since = Math.Max(0, (now - sessionsMostRecentFirst.Max(s => s.LastSeen)).TotalDays);
        median = Math.Max(median, 1.0 / 24);
        var ratio = since / median;
        return new Signal(
            Round(1 - Math.Pow(2, -ratio / 2)),
            Round(Math.Min(1, (sessionsMostRecentFirst.Count - 1) / 10.0)),
            [$"last seen {Days(since)} ago", $"usual gap between sessions {Days(median)} (median of {gaps.Length})"]);
    }

    /// <summary>
    /// Purchases in the last 30 days followed by a support contact of a complaint or refund intent: 0.8; recent
    /// purchases without one: 0.05; no recent purchase: 0. Contacts are the bot's calls this activation has seen.
    /// </summary>
    internal static Signal ComplaintRisk(IReadOnlyList<SequenceEntry> sequence, IReadOnlyList<SupportContact> contacts, DateTimeOffset now)
    {
        var purchases = sequence.Where(e => e.Kind == EventKind.Purchase && e.Sku is not null && now - e.Timestamp <= RecentPurchase).ToList();
        if (purchases.Count == 0)
        {
            return new Signal(0, 0.5, ["no purchase in the last 30 days"]);
        }

        var first = purchases.Min(p => p.Timestamp);
        var complaints = contacts.Where(c => c.At >= first && ComplaintIntents.Contains(c.Intent)).ToList();
        var bought = purchases.Select(p => $"bought {p.Sku} {Days(Math.Max(0, (now - p.Timestamp).TotalDays))} ago").Distinct(StringComparer.Ordinal).Take(3);
        return complaints.Count == 0
            ? new Signal(0.05, 0.5, [.. bought, "no support contact about it"])
            : new Signal(0.8, 0.7, [.. bought, .. complaints.Select(c => $"contacted support ({c.Intent}) {Days(Math.Max(0, (now - c.At).TotalDays))} ago")]);
    }

    /// <summary>Units carted, less removed, per SKU, and not bought after.</summary>
    internal static Dictionary<string, int> OpenCart(IReadOnlyList<SequenceEntry> session)
    {
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in session)
        {
            if (e.Sku is null)
            {
                continue;
            }

            var units = e.Kind switch
            {
                EventKind.AddToCart => e.Quantity,
                EventKind.RemoveFromCart or EventKind.Purchase => -e.Quantity,
                _ => 0,
            };
            var left = open.GetValueOrDefault(e.Sku) + units;
            if (left > 0)
            {
                open[e.Sku] = left;
            }
            else
            {
                open.Remove(e.Sku);
            }
        }

        return open;
    }

    internal static double Round(double value) => Math.Round(value, 3);

    private static string Units(int units) => units == 1 ? "unit" : "units";

    private static string Minutes(TimeSpan span) => $"{Math.Max(0, span.TotalMinutes).ToString("0", CultureInfo.InvariantCulture)} min";

    /// <summary>A span of <paramref name="days"/> in words: <c>12 min</c>, <c>1 hour</c>, <c>5 h</c>, <c>1 day</c>, <c>2.5 days</c>.</summary>
    internal static string Days(double days)
    {
        if (days * 24 < 1)
        {
            return $"{(days * 24 * 60).ToString("0", CultureInfo.InvariantCulture)} min";
        }

        if (days < 1)
        {
            var hours = (days * 24).ToString("0", CultureInfo.InvariantCulture);
            return hours == "1" ? "1 hour" : $"{hours} h";
        }

        var text = days.ToString("0.#", CultureInfo.InvariantCulture);
        return text == "1" ? "1 day" : $"{text} days";
    }
}
