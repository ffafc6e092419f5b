using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EcomOrleans.Training.Common;

/// <summary>manifest.json beside each model.onnx: what the serving side needs to call the model.</summary>
internal sealed record ModelManifest
{
    public const string FileName = "manifest.json";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string Name { get; init; }
    public required string Version { get; init; }

    /// <summary>sequence, demand or intent.</summary>
    public required string Kind { get; init; }
    public string OnnxFile { get; init; } = "model.onnx";
    public required IReadOnlyList<TensorSpec> Inputs { get; init; }
    public required IReadOnlyList<TensorSpec> Outputs { get; init; }
    public required IReadOnlyList<ModelFile> Files { get; init; }
    public int? MaxLength { get; init; }

    /// <summary>left, right or none.</summary>
    public string Padding { get; init; } = "none";
    public required string TrainingCommand { get; init; }
    public required TrainingData TrainingData { get; init; }
    public JsonObject Metrics { get; init; } = [];
    public JsonObject HyperParameters { get; init; } = [];

    /// <summary>Kind-specific facts the caller needs (feature layout, scaling, label order).</summary>
    public JsonObject Details { get; init; } = [];
    public string CreatedBy { get; init; } = "EcomOrleans.Training";
    public string? CreatedAt { get; init; }

    public static ModelManifest Load(string modelDirectory) =>
        JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(Path.Combine(modelDirectory, FileName)), Json)
        ?? throw new InvalidDataException($"{modelDirectory}/{FileName} is empty.");

    public void Save(string modelDirectory) =>
        File.WriteAllText(Path.Combine(modelDirectory, FileName), JsonSerializer.Serialize(this, Json) + "\n");
}
