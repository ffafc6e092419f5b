using System.Text.Json;
using System.Text.Json.Serialization;
using EcomOrleans.Client.Models;

namespace EcomOrleans.Client.Serialization;

/// <summary>
/// Source-generated JSON for the engine's HTTP contract: camelCase, nulls left out of request bodies (the engine
/// refuses a field it does not know, so the client sends only what it means). Reading ignores members this version
/// does not know, so a newer engine that answers more does not break an older client.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(EventBatchRequest))]
[JsonSerializable(typeof(IngestResponse))]
[JsonSerializable(typeof(RecommendationResponse))]
[JsonSerializable(typeof(SkuRequest))]
[JsonSerializable(typeof(SkuResponse))]
[JsonSerializable(typeof(DemandSeries))]
[JsonSerializable(typeof(UserProfile))]
[JsonSerializable(typeof(DemandGaps))]
[JsonSerializable(typeof(ProblemBody))]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
