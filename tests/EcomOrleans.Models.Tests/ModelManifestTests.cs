using System.Text.Json;
using System.Text.Json.Nodes;
using EcomOrleans.Models.Demand;

namespace EcomOrleans.Models.Tests;

public sealed class ModelManifestTests
{
    [Theory]
    [InlineData(ModelKinds.Sequence)]
    [InlineData(ModelKinds.Intent)]
    [InlineData(ModelKinds.Demand)]
    public void ToJson_CommittedManifest_IsByteForByteWhatWasRead(string kind)
    {
        var path = System.IO.Path.Combine(RepositoryModels.Path, kind, ModelManifest.FileName);
        var text = File.ReadAllText(path);

        var manifest = ModelManifest.Parse(text, path);

        // The writer and the reader are one type: reading a committed manifest and writing it back
        // loses and reorders nothing.
        Assert.Equal(kind, manifest.Kind);
        Assert.Equal(text, manifest.ToJson());
    }

    [Fact]
    public void Details_CommittedDemandManifest_NamesTheTrainersLayoutByStableName()
    {
        var manifest = ModelManifest.Load(System.IO.Path.Combine(RepositoryModels.Path, ModelKinds.Demand));

        var details = DemandDetails.From(manifest.Details);

        Assert.Equal(DemandFeatures.All.Select(f => f.Name), details.Features);
        Assert.Equal((56, 14), (details.Window, details.Horizon));
        Assert.Equal([0.1f, 0.5f, 0.9f], details.Quantiles);
        Assert.Equal(details.Features.Count, manifest.Inputs.Single(i => i.Name == DemandContract.HistoryInput).Dimension(2));
    }

    [Fact]
    public void DemandDetails_ToJsonThenFrom_RoundTrips()
    {
        var details = new DemandDetails(28, 7, [0.5f, 0.9f], ["dow_sin", "scaled_units"]);

        var read = DemandDetails.From(JsonNode.Parse(details.ToJson().ToJsonString())!.AsObject());

        Assert.Equal((details.Window, details.Horizon), (read.Window, read.Horizon));
        Assert.Equal(details.Quantiles, read.Quantiles);
        Assert.Equal(details.Features, read.Features);
        Assert.Equal("sin(2 pi dayOfWeek / 7), dayOfWeek 0 = Sunday", details.ToJson()["features"]![0]!["description"]!.GetValue<string>());
    }

    [Fact]
    public void Shape_NumbersAndNames_ReadAsFixedAndDynamicDimensionsAndWriteBackAsTheyWere()
    {
        var spec = JsonSerializer.Deserialize<TensorSpec>("""{"name":"history","elementType":"float32","shape":["batch",56,-1]}""", ModelManifest.Json)!;

        Assert.Equal([-1L, 56, -1], Enumerable.Range(0, 3).Select(spec.Dimension));
        Assert.Equal("[batch, 56, -1]", spec.ShapeText);
        Assert.Equal("""["batch",56,-1]""", JsonSerializer.Serialize(spec.Shape));
    }

    [Fact]
    public void Parse_NotAManifest_FailsNamingTheFile()
    {
        var error = Assert.Throws<ModelContractException>(() => ModelManifest.Parse("""{"name":"x"}""", "/models/x/manifest.json"));

        Assert.StartsWith("Model manifest '/models/x/manifest.json' is not a valid manifest: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PathOf_RoleNotListed_FailsNamingModelAndRole()
    {
        var manifest = new ModelManifest { Name = "m", Version = "1", Kind = ModelKinds.Sequence, Inputs = [], Outputs = [] };

        var error = Assert.Throws<ModelContractException>(() => manifest.PathOf("/models/m", ModelFileRoles.ItemSkus));

        Assert.Equal("Model 'm' (/models/m/manifest.json) lists no file with role 'itemSkus'.", error.Message);
    }
}
