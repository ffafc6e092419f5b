using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EcomOrleans.Models;

/// <summary>
/// manifest.json beside each model.onnx: what the serving side needs to call the model, and where it
/// came from. The training tool writes it with <see cref="Save"/>; the serving side reads it with
/// <see cref="Load"/>. Both use <see cref="Json"/>, so the shape is written once.
/// </summary>
public sealed record ModelManifest
{
    public const string FileName = ModelFileNames.Manifest;

    /// <summary>camelCase, indented, nulls left out.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string Name { get; init; }

    public required string Version { get; init; }

    /// <summary>A <see cref="ModelKinds"/> value: sequence, intent or demand.</summary>
    public required string Kind { get; init; }

    public string OnnxFile { get; init; } = ModelFileNames.Onnx;

    public required IReadOnlyList<TensorSpec> Inputs { get; init; }

    public required IReadOnlyList<TensorSpec> Outputs { get; init; }

    public IReadOnlyList<ModelFile> Files { get; init; } = [];

    public int? MaxLength { get; init; }

    /// <summary>A <see cref="ModelPadding"/> value: left, right or none.</summary>
    public string Padding { get; init; } = ModelPadding.None;

    /// <summary>The command that trained the model (provenance; serving ignores it).</summary>
    public string? TrainingCommand { get; init; }

    /// <summary>The data the model was trained on (provenance; serving ignores it).</summary>
    public TrainingData? TrainingData { get; init; }

    public JsonObject Metrics { get; init; } = [];

    public JsonObject HyperParameters { get; init; } = [];

    /// <summary>Kind-specific facts the caller needs (the demand feature layout and quantiles, intent categories).</summary>
    public JsonObject Details { get; init; } = [];

    public string CreatedBy { get; init; } = "EcomOrleans.Training";

    public string? CreatedAt { get; init; }

    /// <summary>The manifest as <see cref="Save"/> writes it.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    /// <summary>Parses manifest JSON; <paramref name="path"/> names it in the error.</summary>
    public static ModelManifest Parse(string json, string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ModelManifest>(json, Json)
                ?? throw new ModelContractException($"Model manifest '{path}' is empty.");
        }
        catch (JsonException exception)
        {
            throw new ModelContractException($"Model manifest '{path}' is not a valid manifest: {exception.Message}", exception);
        }
    }

    /// <summary>Reads <c>manifest.json</c> in <paramref name="directory"/>; a <see cref="ModelContractException"/> names the file when it is not a manifest.</summary>
    public static ModelManifest Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Writes <c>manifest.json</c> in <paramref name="directory"/>.</summary>
    public void Save(string directory) => File.WriteAllText(Path.Combine(directory, FileName), ToJson());

    /// <summary>The file with <paramref name="role"/>, resolved in <paramref name="directory"/>; fails when the manifest lists none.</summary>
    public string PathOf(string directory, string role) =>
        Files.FirstOrDefault(f => f.Role == role) is { } file
            ? Path.Combine(directory, file.File)
            : throw new ModelContractException($"Model '{Name}' ({Path.Combine(directory, FileName)}) lists no file with role '{role}'.");
}
