using EcomOrleans.Events;

namespace EcomOrleans.LoadGen.Datasets;

/// <summary>
/// Synthesizes time and a shopping funnel for review data sets, which record what each user reviewed, in order,
/// but not when. A review implies a purchase, so each reviewed item becomes: a <c>view</c>; a <c>click</c> with
/// probability <see cref="ClickChance"/>; an <c>add_to_cart</c> with probability <see cref="CartChance"/>; and a
/// <c>purchase</c> of one unit at the catalog price at the end of its session. Consecutive reviews share a session
/// with probability <see cref="JoinSessionChance"/>, up to <see cref="MaxItemsPerSession"/> items. A user's sessions
/// fall at random, in order, in the <see cref="ScriptOptions.SyntheticSpan"/> before now, at least
/// <see cref="SessionSlot"/> apart, so each user's events keep the data set's order.
/// </summary>
public static class ReviewTimeline
{
    public const double JoinSessionChance = 0.3;
    public const int MaxItemsPerSession = 4;
    public const double ClickChance = 0.4;
    public const double CartChance = 0.6;

    /// <summary>The room each session gets, and the least time between two sessions' starts. 1 hour.</summary>
    public static readonly TimeSpan SessionSlot = TimeSpan.FromHours(1);

    private const double MinStepSeconds = 15;
    private const double MaxStepSeconds = 90;
    private const double MinCheckoutSeconds = 5;
    private const double MaxCheckoutSeconds = 20;

    // The longest a session can last: three browsing steps per item, then one checkout step per item.
    private static readonly double MaxSessionSeconds = MaxItemsPerSession * ((3 * MaxStepSeconds) + MaxCheckoutSeconds);

    public static List<ReplayEvent> Build(
        DatasetProfile profile, IReadOnlyList<UserSequence> users, IReadOnlyDictionary<long, SkuDefinition> catalog, ScriptOptions options)
    {
        var events = new List<ReplayEvent>(users.Sum(u => u.Items.Length) * 3);
        var spanMs = (long)options.SyntheticSpan.TotalMilliseconds;
        var startMs = options.Now.ToUnixTimeMilliseconds() - spanMs;
        foreach (var user in users)
        {
            var random = new DeterministicRandom(options.Seed, "timeline:" + profile.Prefix, user.User);
            var sessions = SplitIntoSessions(user.Items.Length, ref random);
            var slotMs = Math.Min((long)SessionSlot.TotalMilliseconds, spanMs / (sessions.Count + 1));
            var stepScale = Math.Min(1.0, slotMs / (MaxSessionSeconds * 1000));
            var starts = SessionStarts(sessions.Count, spanMs - ((sessions.Count + 1) * slotMs), slotMs, ref random);
            var userId = profile.UserOf(user.User);
            for (var s = 0; s < sessions.Count; s++)
            {
                var writer = new SessionWriter(events, profile, catalog, options.Seed, userId, $"{userId}-s{s}", startMs + starts[s], stepScale);
                writer.Write(user.Items, sessions[s], ref random);
            }
        }

        return events;
    }

    private static List<Range> SplitIntoSessions(int count, ref DeterministicRandom random)
    {
        var sessions = new List<Range>();
        var start = 0;
        for (var i = 1; i <= count; i++)
        {
            if (i == count || i - start >= MaxItemsPerSession || !random.Chance(JoinSessionChance))
            {
                sessions.Add(start..i);
                start = i;
            }
        }

        return sessions;
    }

    private static long[] SessionStarts(int count, long freeMs, long slotMs, ref DeterministicRandom random)
    {
        // Sorted uniform points in the free time, then spread one slot apart: ordered, never overlapping.
        var starts = new long[count];
        for (var i = 0; i < count; i++)
        {
            starts[i] = (long)(random.NextDouble() * Math.Max(0, freeMs));
        }

        Array.Sort(starts);
        for (var i = 0; i < count; i++)
        {
            starts[i] += i * slotMs;
        }

        return starts;
    }

    private sealed class SessionWriter(
        List<ReplayEvent> events,
        DatasetProfile profile,
        IReadOnlyDictionary<long, SkuDefinition> catalog,
        int seed,
        string userId,
        string sessionId,
        long clockMs,
        double stepScale)
    {
        private long _clockMs = clockMs;

        public void Write(int[] items, Range session, ref DeterministicRandom random)
        {
            var (offset, length) = session.GetOffsetAndLength(items.Length);
            for (var n = offset; n < offset + length; n++)
            {
                var sku = profile.SkuOf(items[n]);
                Add(n, 'v', EventKind.View, sku, null);
                Advance(MinStepSeconds, MaxStepSeconds, ref random);
                if (random.Chance(ClickChance))
                {
                    Add(n, 'c', EventKind.Click, sku, null);
                    Advance(MinStepSeconds, MaxStepSeconds, ref random);
                }

                if (random.Chance(CartChance))
                {
                    Add(n, 'a', EventKind.AddToCart, sku, null);
                    Advance(MinStepSeconds, MaxStepSeconds, ref random);
                }
            }

            for (var n = offset; n < offset + length; n++)
            {
                Add(n, 'p', EventKind.Purchase, profile.SkuOf(items[n]), catalog[items[n]].Price);
                Advance(MinCheckoutSeconds, MaxCheckoutSeconds, ref random);
            }
        }

        private void Add(int n, char step, EventKind kind, string sku, decimal? price) =>
            events.Add(new ReplayEvent(
                $"e{seed}-{userId}-{n}{step}", userId, sessionId, kind, sku, 1, price, DateTimeOffset.FromUnixTimeMilliseconds(_clockMs)));

        private void Advance(double minSeconds, double maxSeconds, ref DeterministicRandom random) =>
            _clockMs += Math.Max(1, (long)(random.NextDouble(minSeconds, maxSeconds) * 1000 * stepScale));
    }
}
