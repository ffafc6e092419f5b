using EcomOrleans.LoadGen.Load;

namespace EcomOrleans.LoadGen.Tests.Load;

public sealed class OpenLoopScheduleTests
{
    [Fact]
    public void StartOf_TenPerSecondForOneSecond_TenRequestsDueEveryHundredMilliseconds()
    {
        var schedule = new OpenLoopSchedule(10, TimeSpan.FromSeconds(1));

        Assert.Equal(10, schedule.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => TimeSpan.FromMilliseconds(100 * i)), Enumerable.Range(0, 10).Select(schedule.StartOf));
    }

    [Fact]
    public void StartOf_RateThatDoesNotDivideASecond_RoundsToTheNearestTick()
    {
        var schedule = new OpenLoopSchedule(3, TimeSpan.FromSeconds(2));

        Assert.Equal(6, schedule.Count);
        Assert.Equal(TimeSpan.FromTicks(3_333_333), schedule.StartOf(1)); // 1/3 s
        Assert.Equal(TimeSpan.FromTicks(6_666_667), schedule.StartOf(2)); // 2/3 s
        Assert.Equal(TimeSpan.FromSeconds(1), schedule.StartOf(3));
    }

    [Fact]
    public void Constructor_ZeroRate_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenLoopSchedule(0, TimeSpan.FromSeconds(1)));
}
