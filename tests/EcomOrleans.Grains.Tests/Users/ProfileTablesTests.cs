using EcomOrleans.Events;
using EcomOrleans.Grains.Users;
using EcomOrleans.Recommendations;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Tests.Users;

public sealed class ProfileTablesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SessionTable_Touch_CountsIntoItsSessionAndDropsTheLeastRecentPastCapacity()
    {
        List<SessionSummary> sessions = [];
        var table = new SessionTable(sessions, capacity: 2);

        var first = table.Touch("s-1", T0);
        table.Touch("s-2", T0.AddMinutes(1));
        var again = table.Touch(new string("s-1".ToCharArray()), T0.AddMinutes(2));
        table.Touch("s-3", T0.AddMinutes(3));

        // Entries share the table's instance of the id, not the copy each event brought.
        Assert.Same(first, again);
        Assert.Equal([new SessionSummary("s-3", T0.AddMinutes(3), T0.AddMinutes(3), 1), new SessionSummary("s-1", T0, T0.AddMinutes(2), 2)], table.MostRecentFirst());
    }

    [Fact]
    public void SessionTable_Full_ANewSessionSeenBeforeAllKeptIsNotKept()
    {
        List<SessionSummary> sessions = [];
        var table = new SessionTable(sessions, capacity: 2);
        table.Touch("s-1", T0.AddMinutes(1));
        table.Touch("s-2", T0.AddMinutes(2));

        table.Touch("late", T0);

        Assert.Equal(["s-2", "s-1"], table.MostRecentFirst().Select(s => s.SessionId));
    }

    [Fact]
    public void SessionTable_ManySessions_ListNeverHoldsMoreSlotsThanTheCapacity()
    {
        List<SessionSummary> sessions = [];
        var table = new SessionTable(sessions, capacity: 20);

        for (var i = 0; i < 100; i++)
        {
            table.Touch($"s-{i}", T0.AddMinutes(i));
        }

        // A list that grew by doubling would hold 32 slots for 20 sessions.
        Assert.Equal((20, 20), (sessions.Count, sessions.Capacity));
        Assert.Equal("s-99", table.MostRecentFirst()[0].SessionId);
    }

    [Fact]
    public void SessionSummary_KeepsEachTimesOffset()
    {
        var started = new DateTimeOffset(2026, 11, 20, 11, 0, 0, TimeSpan.FromHours(1));
        var lastSeen = new DateTimeOffset(2026, 11, 20, 5, 30, 0, TimeSpan.FromHours(-5.5));

        var session = new SessionSummary("s-1", started, lastSeen, 3);

        Assert.Equal((started.Offset, lastSeen.Offset), (session.Started.Offset, session.LastSeen.Offset));
        Assert.Equal((started.UtcTicks, lastSeen.UtcTicks), (session.Started.UtcTicks, session.LastSeen.UtcTicks));
    }

    [Fact]
    public void AffinityTable_ManyCategories_ListNeverHoldsMoreSlotsThanTheCapacity()
    {
        List<AffinityState> affinities = [];
        var table = new AffinityTable(affinities, capacity: 50, halfLife: TimeSpan.FromDays(7));

        for (var i = 0; i < 200; i++)
        {
            table.Add($"c-{i}", 1 + i, T0);
        }

        Assert.Equal((50, 50), (affinities.Count, affinities.Capacity));
        // The strongest 50 (weights 151 to 200) are kept.
        Assert.Equal(Enumerable.Range(151, 50).Select(w => (double)w), table.At(T0).Select(a => a.Score).Order());
    }

    [Fact]
    public void AffinityTable_Full_ANewCategoryWeakerThanAllKeptIsNotKept()
    {
        var table = new AffinityTable([], capacity: 2, halfLife: TimeSpan.FromDays(7));
        table.Add("a", 3, T0);
        table.Add("b", 5, T0);

        table.Add("weak", 1, T0);

        Assert.Equal(["b", "a"], table.At(T0).Select(a => a.Category));
    }

    [Fact]
    public void AffinityTable_ScoresDecayWithTheHalfLife_AndTheWeakestGoesPastCapacity()
    {
        var table = new AffinityTable([], capacity: 2, halfLife: TimeSpan.FromDays(7));

        table.Add("old", 5, T0);
        table.Add("new", 1, T0.AddDays(7));
        table.Add("newer", 2, T0.AddDays(7));

        // At day 7, old's 5 has halved to 2.5: it stays, and new (1) is the weakest.
        Assert.Equal([new CategoryAffinity("newer", 2), new CategoryAffinity("old", 2.5)], table.At(T0.AddDays(7)).OrderBy(a => a.Score));
    }

    [Fact]
    public void RecommendationLedger_AttributesOnlyClicksAndPurchasesOfServedSkus()
    {
        var ledger = new RecommendationLedger([], capacity: 1);
        ledger.Remember(new Recommendation("rec-old", "v1", [new RecommendedItem("x", 1, "personalized")]), T0);
        ledger.Remember(new Recommendation("rec-1", "v1", [new RecommendedItem("a", 1, "personalized")]), T0);
        BehaviorEvent Event(EventKind kind, string sku, string? recommendationId) =>
            new BehaviorEvent("e", "u", "s", kind, sku, null, 1, null, T0) with { RecommendationId = recommendationId };

        var attributed = ledger.Attributed([
            Event(EventKind.Click, "a", "rec-1"),
            Event(EventKind.View, "a", "rec-1"),
            Event(EventKind.Purchase, "b", "rec-1"),
            Event(EventKind.Purchase, "x", "rec-old"),
            Event(EventKind.Purchase, "a", "rec-1"),
        ]).Select(e => (e.Kind, e.Sku)).ToList();

        // rec-old fell out of the one-recommendation ledger; b was never served.
        Assert.Equal([(EventKind.Click, "a"), (EventKind.Purchase, "a")], attributed);
    }

    [Fact]
    public void RecommendationLedger_Full_OverwritesTheOldestInPlaceAndKeepsTheNewestInOrder()
    {
        List<IssuedRecommendation> issued = [];
        var ledger = new RecommendationLedger(issued, capacity: 2);
        ledger.Remember(new Recommendation("rec-1", "v1", [new RecommendedItem("a", 1, "personalized"), new RecommendedItem("b", 1, "personalized")]), T0);
        var oldest = issued[0];
        ledger.Remember(new Recommendation("rec-2", "v1", [new RecommendedItem("c", 1, "personalized")]), T0.AddMinutes(1));

        ledger.Remember(new Recommendation("rec-3", "v1", [new RecommendedItem("d", 1, "trending")]), T0.AddMinutes(2));

        Assert.Equal([("rec-2", new[] { "c" }, T0.AddMinutes(1)), ("rec-3", new[] { "d" }, T0.AddMinutes(2))],
            issued.Select(r => (r.Id, r.Skus.ToArray(), r.IssuedAt)));
        Assert.Same(oldest, issued[1]); // rec-1's entry, reused: a served recommendation leaves no new objects in state
    }

    [Fact]
    public void RecommendationLedger_OverCapacityFromAnotherSetting_KeepsOnlyTheNewest()
    {
        // State written when more were remembered, read with a smaller capacity.
        List<IssuedRecommendation> issued = [.. Enumerable.Range(1, 4).Select(i => new IssuedRecommendation { Id = $"rec-{i}", Skus = ["a"], IssuedAt = T0 })];
        var ledger = new RecommendationLedger(issued, capacity: 2);

        ledger.Remember(new Recommendation("rec-5", "v1", [new RecommendedItem("b", 1, "personalized")]), T0.AddMinutes(1));

        Assert.Equal(["rec-4", "rec-5"], issued.Select(r => r.Id));
        Assert.Equal(["b"], issued[1].Skus);
    }
}
