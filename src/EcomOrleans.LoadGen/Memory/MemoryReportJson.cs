using System.Text.Json;

namespace EcomOrleans.LoadGen.Memory;

internal static class MemoryReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
