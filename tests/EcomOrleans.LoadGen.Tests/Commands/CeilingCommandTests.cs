using EcomOrleans.LoadGen.Commands;

namespace EcomOrleans.LoadGen.Tests.Commands;

public sealed class CeilingCommandTests
{
    [Fact]
    public void Parse_OnlyTheDataset_UsesTheReplayDefaultsAndMemoryStorage()
    {
        var result = CeilingCommand.Create(TimeProvider.System).Parse(["--dataset", "beauty"]);

        Assert.Empty(result.Errors);
        Assert.Equal((100, 8, 42), (result.GetValue<int>("--batch-size"), result.GetValue<int>("--concurrency"), result.GetValue<int>("--seed")));
        Assert.Null(result.GetValue<string?>("--redis"));
        Assert.False(result.GetValue<bool>("--overlap-search-index"));
    }

    [Fact]
    public void Parse_OverlapSearchIndex_IsSet()
    {
        var result = CeilingCommand.Create(TimeProvider.System).Parse(["--dataset", "beauty", "--overlap-search-index"]);

        Assert.Empty(result.Errors);
        Assert.True(result.GetValue<bool>("--overlap-search-index"));
    }
}
