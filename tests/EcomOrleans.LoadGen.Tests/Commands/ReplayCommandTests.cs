using EcomOrleans.LoadGen.Commands;

namespace EcomOrleans.LoadGen.Tests.Commands;

public sealed class ReplayCommandTests
{
    [Fact]
    public void Parse_OnlyTheDataset_UsesTheDocumentedDefaults()
    {
        var command = ReplayCommand.Create(TimeProvider.System);

        var result = command.Parse(["--dataset", "beauty"]);

        Assert.Empty(result.Errors);
        Assert.Equal(new Uri("http://127.0.0.1:5080"), result.GetValue<Uri>("--url"));
        Assert.Equal((100, 8, 0.0, 42), (result.GetValue<int>("--batch-size"), result.GetValue<int>("--concurrency"), result.GetValue<double>("--rate"), result.GetValue<int>("--seed")));
        Assert.Null(result.GetValue<int?>("--limit"));
        Assert.False(result.GetValue<bool>("--json"));
    }

    [Theory]
    [InlineData("--dataset", "movielens")]
    [InlineData("--batch-size", "501")]
    [InlineData("--batch-size", "0")]
    [InlineData("--concurrency", "0")]
    [InlineData("--rate", "-1")]
    [InlineData("--limit", "0")]
    [InlineData("--url", "not a url")]
    public void Parse_ValueOutOfRange_IsAnError(string option, string value)
    {
        var command = ReplayCommand.Create(TimeProvider.System);
        string[] args = option == "--dataset" ? [option, value] : ["--dataset", "otto", option, value];

        var result = command.Parse(args);

        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public void Parse_CatalogOnlyWithSkipCatalog_IsAnError()
    {
        var result = ReplayCommand.Create(TimeProvider.System).Parse(["--dataset", "beauty", "--catalog-only", "--skip-catalog"]);

        Assert.Equal(["--catalog-only and --skip-catalog together would send nothing."], result.Errors.Select(e => e.Message));
    }

    [Fact]
    public void Parse_NoDataset_IsAnError()
    {
        var result = ReplayCommand.Create(TimeProvider.System).Parse([]);

        Assert.NotEmpty(result.Errors);
    }
}
