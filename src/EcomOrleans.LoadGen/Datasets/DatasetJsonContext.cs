using System.Text.Json.Serialization;

namespace EcomOrleans.LoadGen.Datasets;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Dictionary<string, int[]>))]
[JsonSerializable(typeof(OttoSession))]
internal sealed partial class DatasetJsonContext : JsonSerializerContext;
