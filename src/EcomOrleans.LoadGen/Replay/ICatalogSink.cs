using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Http;
using EcomOrleans.LoadGen.Reporting;

namespace EcomOrleans.LoadGen.Replay;

/// <summary>Where <see cref="CatalogUploader"/> puts a SKU: the engine over HTTP or its grains in this process.</summary>
public interface ICatalogSink
{
    /// <summary>Puts one SKU's catalog facts and records each attempt's latency.</summary>
    Task<RequestOutcome> PutSkuAsync(SkuDefinition sku, LatencyHistogram latency, CancellationToken cancellationToken);
}
