using System.Text.Json.Serialization;

namespace EcomOrleans.LoadGen.Reporting;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReplayReportJson))]
[JsonSerializable(typeof(LoadReportJson))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
