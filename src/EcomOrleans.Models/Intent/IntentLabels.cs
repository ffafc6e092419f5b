using System.Text.Json;

namespace EcomOrleans.Models.Intent;

/// <summary>labels.json: a JSON array of intent names, logit i = labels[i].</summary>
public static class IntentLabels
{
    public static string ToJson(IReadOnlyList<string> labels) => JsonSerializer.Serialize(labels, ModelManifest.Json) + "\n";

    /// <summary>The labels in <paramref name="path"/>; throws <see cref="IOException"/> or <see cref="JsonException"/> when it cannot.</summary>
    public static string[] Read(string path) => JsonSerializer.Deserialize<string[]>(File.ReadAllText(path)) ?? [];

    public static void Write(string path, IReadOnlyList<string> labels) => File.WriteAllText(path, ToJson(labels));
}
