using EcomOrleans.Grains.Skus;

namespace EcomOrleans.Grains.Tests.Skus;

public sealed class UnitHistoryTests
{
    private static readonly DateOnly Day0 = new(2026, 11, 1);

    [Fact]
    public void Add_DaysOutOfOrder_KeepsOneEntryADayWithoutGaps()
    {
        var state = new SkuDemandState { UnitHistory = [] };
        var history = UnitHistory.Of(state);

        history.Add(Day0.AddDays(2), 3);
        history.Add(Day0.AddDays(5), 1);
        history.Add(Day0, 2); // before the first day kept: the list grows at the front
        history.Add(Day0.AddDays(2), 4);

        Assert.Equal(Day0, state.UnitHistoryStart);
        Assert.Equal([2, 0, 7, 0, 0, 1], state.UnitHistory);
    }

    [Fact]
    public void Add_PastIntMax_Saturates()
    {
        var state = new SkuDemandState { UnitHistory = [] };
        var history = UnitHistory.Of(state);

        history.Add(Day0, int.MaxValue - 1);
        history.Add(Day0, 5);

        Assert.Equal([int.MaxValue], state.UnitHistory);
    }

    [Fact]
    public void Of_StateWrittenBeforeTheList_IsRebuiltFromTheDailyBuckets()
    {
        var state = new SkuDemandState
        {
            Daily = [Bucket(Day0, 3), Bucket(Day0.AddDays(3), 0), Bucket(Day0.AddDays(4), 2)],
        };

        UnitHistory.Of(state);

        Assert.Equal(Day0, state.UnitHistoryStart);
        Assert.Equal([3, 0, 0, 0, 2], state.UnitHistory);
    }

    [Fact]
    public void Before_PadsTheDaysAfterTheLastDemandAndLeavesTodayOut()
    {
        var state = new SkuDemandState { UnitHistory = [] };
        var history = UnitHistory.Of(state);
        history.Add(Day0, 3);
        history.Add(Day0.AddDays(1), 1);

        var (first, units) = history.Before(Day0.AddDays(4));

        Assert.Equal(Day0, first);
        Assert.Equal([3f, 1f, 0f, 0f], units);
        Assert.Equal([3f], history.Before(Day0.AddDays(1)).Units);
        Assert.Empty(history.Before(Day0).Units);
    }

    [Fact]
    public void DropBefore_EveryDay_LeavesAnEmptyHistoryThatStartsAgain()
    {
        var state = new SkuDemandState { UnitHistory = [] };
        var history = UnitHistory.Of(state);
        history.Add(Day0, 3);

        history.DropBefore(Day0.AddDays(10));
        history.Add(Day0.AddDays(12), 2);

        Assert.Equal(Day0.AddDays(12), state.UnitHistoryStart);
        Assert.Equal([2], state.UnitHistory);
    }

    private static DemandCountsState Bucket(DateOnly day, long units) =>
        new() { Start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), Units = units, Views = 1 };
}
