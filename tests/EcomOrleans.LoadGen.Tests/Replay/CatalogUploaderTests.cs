using System.Net;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Http;
using EcomOrleans.LoadGen.Replay;
using EcomOrleans.LoadGen.Tests.Support;

namespace EcomOrleans.LoadGen.Tests.Replay;

public sealed class CatalogUploaderTests
{
    private static readonly ReplayScript Script = DatasetRegistry.Get("beauty").Load(TestData.Fixtures, new ScriptOptions(42, TestData.Now));

    private readonly StubEngine _engine = new();

    [Fact]
    public async Task RunAsync_Catalog_PutsEverySkuOnce()
    {
        var result = await Uploader().RunAsync(Script.Catalog, concurrency: 4, new ReplayProgress(), CancellationToken.None);

        Assert.Equal(
            Script.Catalog.Select(s => "/api/skus/" + s.Sku).Order(StringComparer.Ordinal),
            _engine.Requests.Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.All(_engine.Requests, r => Assert.Equal(HttpMethod.Put, r.Method));
        Assert.Equal((59L, 59L, 0L), (result.Items, result.Requests, result.Errors)); // 59 distinct items in the fixture
    }

    [Fact]
    public async Task RunAsync_NotFound_CountsTheFailedSku()
    {
        _engine.FailNext(1, HttpStatusCode.NotFound);

        var result = await Uploader().RunAsync(Script.Catalog, concurrency: 1, new ReplayProgress(), CancellationToken.None);

        Assert.Equal(new Dictionary<int, long> { [404] = 1 }, result.ErrorsByStatus);
        Assert.Equal((58L, 1L), (result.Items, result.ItemsFailed));
    }

    private CatalogUploader Uploader() =>
        new(_engine.CreateEngineClient(), TimeProvider.System);
}
