using System.Text.Json.Serialization;

namespace EcomOrleans.LoadGen.Http;

/// <summary>Source-generated JSON for the engine's HTTP contract: camelCase, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventBatch))]
[JsonSerializable(typeof(SkuBody))]
[JsonSerializable(typeof(IngestResult))]
[JsonSerializable(typeof(RecommendationBody))]
public sealed partial class WireJsonContext : JsonSerializerContext;
