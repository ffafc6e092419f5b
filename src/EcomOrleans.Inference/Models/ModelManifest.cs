using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcomOrleans.Inference.Models;

/// <summary>
/// manifest.json beside each model.onnx, as the training tool writes it (the fields serving reads;
/// the rest, such as metrics and the training command, are ignored here).
/// </summary>
public sealed record ModelManifest
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public required string Name { get; init; }

    public required string Version { get; init; }

    /// <summary>sequence, intent or demand.</summary>
    public required string Kind { get; init; }

    public string OnnxFile { get; init; } = "model.onnx";

    public required IReadOnlyList<TensorSpec> Inputs { get; init; }

    public required IReadOnlyList<TensorSpec> Outputs { get; init; }

    public IReadOnlyList<ModelFile> Files { get; init; } = [];

    public int? MaxLength { get; init; }

    /// <summary>left, right or none.</summary>
    public string Padding { get; init; } = "none";

    /// <summary>Kind-specific facts (feature layout, scaling, label order).</summary>
    public JsonObject Details { get; init; } = [];

    /// <summary>Reads <c>manifest.json</c> in <paramref name="directory"/>, failing with a message that names the file.</summary>
    public static ModelManifest Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        try
        {
            return JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), Json)
                ?? throw new ModelLoadException($"Model manifest '{path}' is empty.");
        }
        catch (JsonException exception)
        {
            throw new ModelLoadException($"Model manifest '{path}' is not a valid manifest: {exception.Message}", exception);
        }
    }

    /// <summary>The file with <paramref name="role"/>, resolved in <paramref name="directory"/>; a start-up error when the manifest lists none.</summary>
    public string PathOf(string directory, string role) =>
        Files.FirstOrDefault(f => f.Role == role) is { } file
            ? Path.Combine(directory, file.File)
            : throw new ModelLoadException($"Model '{Name}' ({Path.Combine(directory, FileName)}) lists no file with role '{role}'.");
}
