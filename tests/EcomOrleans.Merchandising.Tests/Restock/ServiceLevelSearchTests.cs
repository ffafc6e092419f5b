using EcomOrleans.Merchandising.Restock;

namespace EcomOrleans.Merchandising.Tests.Restock;

public sealed class ServiceLevelSearchTests
{
    [Fact]
    public void Match_TargetInsideTheRange_FindsTheLevelWhereTheFillRateCrossesIt()
    {
        // Fill rate = service level: the target 0.9 is met from 0.9 on.
        var (level, reached) = ServiceLevelSearch.Match(s => s, 0.9);

        Assert.True(reached);
        Assert.Equal(0.9, level, 5);
    }

    [Fact]
    public void Match_StepFillRate_ReturnsALevelAtOrAboveTheTarget()
    {
        // Fill 0.8 below 0.7, 0.95 from 0.7 on; target 0.9 is crossed at the step.
        var (level, _) = ServiceLevelSearch.Match(s => s < 0.7 ? 0.8 : 0.95, 0.9);

        Assert.InRange(level, 0.7, 0.700001);
    }

    [Fact]
    public void Match_TargetBeyondTheHighestLevel_ReturnsTheHighestUnreached() =>
        Assert.Equal((0.999, false), ServiceLevelSearch.Match(s => s * 0.5, 0.9));

    [Fact]
    public void Match_TargetMetByTheLowestLevel_ReturnsTheLowest() => Assert.Equal((0.5, true), ServiceLevelSearch.Match(_ => 1, 0.9));
}
