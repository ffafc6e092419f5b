using System.Text.Json.Nodes;
using EcomOrleans.Models;
using EcomOrleans.Models.Sequence;
using EcomOrleans.Training.Onnx;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Sequence;

/// <summary>The files of a sequence model folder and how to write and read them.</summary>
internal static class SequenceModelFiles
{
    /// <summary>Writes model.onnx, the item table and the SKU map; the manifest comes later, with metrics.</summary>
    public static void WriteModel(string directory, SasRecModel model, string skuPrefix, IReadOnlyDictionary<string, string> metadata, long version)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, ModelFileNames.Onnx), model.ExportOnnx(metadata, version).ToByteArray());

        using var table = model.ItemTable.detach().cpu().contiguous();
        File.WriteAllBytes(Path.Combine(directory, ModelFileNames.ItemEmbeddings), Float32File.Encode(table.data<float>().ToArray()));

        var skus = Enumerable.Range(0, model.Options.ItemCount + 1).Select(i => i == 0 ? "" : $"{skuPrefix}-{i}");
        File.WriteAllLines(Path.Combine(directory, ModelFileNames.ItemSkus), skus);
    }

    public static float[] ReadItemTable(string directory) => Float32File.Decode(File.ReadAllBytes(Path.Combine(directory, ModelFileNames.ItemEmbeddings)));

    public static ModelManifest Manifest(
        string name, string version, SasRecOptions options, string command, TrainingData data, JsonObject metrics, JsonObject hyperParameters) => new()
        {
            Name = name,
            Version = version,
            Kind = ModelKinds.Sequence,
            Inputs = [new TensorSpec(SequenceContract.Input, TensorElementTypes.Int64, ["batch", "length"],
                $"item ids (embedding rows), 0 = padding, LEFT-padded, newest item last, length 1..{options.MaxLength}")],
            Outputs = [new TensorSpec(SequenceContract.Output, TensorElementTypes.Float32, ["batch", options.Dim],
                "user embedding; score item i as dot(user_embedding, item_embeddings[i])")],
            Files =
            [
                new ModelFile(ModelFileRoles.ItemEmbeddings, ModelFileNames.ItemEmbeddings, "raw little-endian float32, row-major", [options.ItemCount + 1, options.Dim],
                    "row i = item id i; row 0 = padding (never recommend)"),
                new ModelFile(ModelFileRoles.ItemSkus, ModelFileNames.ItemSkus, "UTF-8 text, one SKU per line", [options.ItemCount + 1],
                    "line i (0-based) = SKU of item id i; line 0 empty (padding)"),
                new ModelFile(ModelFileRoles.LearningCurve, ModelFileNames.LearningCurve, "PNG"),
            ],
            MaxLength = options.MaxLength,
            Padding = ModelPadding.Left,
            TrainingCommand = command,
            TrainingData = data,
            Metrics = metrics,
            HyperParameters = hyperParameters,
        };

    /// <summary>An encoder over the shipped ONNX model, for <see cref="EmbeddingScorer"/>.</summary>
    public static Func<long[], int, int, float[]> OnnxEncoder(OnnxRunner runner) =>
        (ids, rows, length) => runner.Run(SequenceContract.Output, (SequenceContract.Input, OnnxInput.Int64(ids, rows, length))).Values;

    /// <summary>Evaluates the ONNX model and the most-popular baseline under one protocol on the test hold-out.</summary>
    public static (RankingResult Model, RankingResult MostPopular) Evaluate(string directory, SequenceDataset data, RankingProtocol protocol, int seed)
    {
        var manifest = ModelManifest.Load(directory);
        using var runner = new OnnxRunner(Path.Combine(directory, manifest.OnnxFile));
        var dim = (int)manifest.Outputs[0].Dimension(1);
        var table = ReadItemTable(directory);
        if (table.Length / dim < data.ItemCount + 1)
        {
            throw new InvalidDataException($"The model knows {table.Length / dim - 1} items but the data uses ids up to {data.ItemCount}.");
        }

        using var scorer = new EmbeddingScorer(OnnxEncoder(runner), table[..((data.ItemCount + 1) * dim)], dim, manifest.MaxLength ?? SequenceContract.DefaultMaxLength);
        var model = SequenceEvaluator.Evaluate(data, scorer, protocol, HoldOut.Test, seed);
        var popular = SequenceEvaluator.Evaluate(data, new PopularityScorer(data.Popularity()), protocol, HoldOut.Test, seed);
        return (model, popular);
    }
}
