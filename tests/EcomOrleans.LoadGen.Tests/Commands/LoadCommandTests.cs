using EcomOrleans.LoadGen.Commands;

namespace EcomOrleans.LoadGen.Tests.Commands;

public sealed class LoadCommandTests
{
    [Fact]
    public void Parse_OnlyTheDataset_UsesTheDocumentedDefaults()
    {
        var result = LoadCommand.Create(TimeProvider.System).Parse(["--dataset", "beauty"]);

        Assert.Empty(result.Errors);
        Assert.Equal([50.0, 100, 200, 400, 800, 0], result.GetValue<double[]>("--rates")!);
        Assert.Equal((2000, 15.0, 10, 64, 5), (result.GetValue<int>("--users"), result.GetValue<double>("--seconds"), result.GetValue<int>("--count"), result.GetValue<int>("--concurrency"), result.GetValue<int>("--freshness-users")));
    }

    [Fact]
    public void Parse_CommaSeparatedRates_KeepsTheirOrder()
    {
        var result = LoadCommand.Create(TimeProvider.System).Parse(["--dataset", "beauty", "--rates", "400,50,0"]);

        Assert.Empty(result.Errors);
        Assert.Equal([400.0, 50, 0], result.GetValue<double[]>("--rates")!);
    }

    [Theory]
    [InlineData("--rates", "100,-1")]
    [InlineData("--rates", "fast")]
    [InlineData("--count", "101")]
    [InlineData("--users", "0")]
    [InlineData("--seconds", "0")]
    public void Parse_ValueOutOfRange_IsAnError(string option, string value)
    {
        var result = LoadCommand.Create(TimeProvider.System).Parse(["--dataset", "beauty", option, value]);

        Assert.NotEmpty(result.Errors);
    }
}
