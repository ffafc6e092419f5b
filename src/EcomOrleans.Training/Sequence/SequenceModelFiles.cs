using System.Text.Json.Nodes;
using EcomOrleans.Training.Common;
using EcomOrleans.Training.Onnx;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Sequence;

/// <summary>The files of a sequence model folder and how to write and read them.</summary>
internal static class SequenceModelFiles
{
    public const string ItemTableFile = "item_embeddings.f32";
    public const string SkuFile = "item_skus.txt";

    /// <summary>Writes model.onnx, the item table and the SKU map; the manifest comes later, with metrics.</summary>
    public static void WriteModel(string directory, SasRecModel model, string skuPrefix, IReadOnlyDictionary<string, string> metadata, long version)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, "model.onnx"), model.ExportOnnx(metadata, version).ToByteArray());

        using var table = model.ItemTable.detach().cpu().contiguous();
        var values = table.data<float>().ToArray();
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes(Path.Combine(directory, ItemTableFile), bytes);

        var skus = Enumerable.Range(0, model.Options.ItemCount + 1).Select(i => i == 0 ? "" : $"{skuPrefix}-{i}");
        File.WriteAllLines(Path.Combine(directory, SkuFile), skus);
    }

    public static float[] ReadItemTable(string directory)
    {
        var bytes = File.ReadAllBytes(Path.Combine(directory, ItemTableFile));
        var values = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }

    public static ModelManifest Manifest(
        string name, string version, SasRecOptions options, string command, TrainingData data, JsonObject metrics, JsonObject hyperParameters) => new()
        {
            Name = name,
            Version = version,
            Kind = "sequence",
            Inputs = [new TensorSpec(SequenceModelContract.Input, "int64", ["batch", "length"],
                $"item ids (embedding rows), 0 = padding, LEFT-padded, newest item last, length 1..{options.MaxLength}")],
            Outputs = [new TensorSpec(SequenceModelContract.Output, "float32", ["batch", options.Dim],
                "user embedding; score item i as dot(user_embedding, item_embeddings[i])")],
            Files =
            [
                new ModelFile("itemEmbeddings", ItemTableFile, "raw little-endian float32, row-major", [options.ItemCount + 1, options.Dim],
                    "row i = item id i; row 0 = padding (never recommend)"),
                new ModelFile("itemSkus", SkuFile, "UTF-8 text, one SKU per line", [options.ItemCount + 1],
                    "line i (0-based) = SKU of item id i; line 0 empty (padding)"),
                new ModelFile("learningCurve", LearningCurve.FileName, "PNG"),
            ],
            MaxLength = options.MaxLength,
            Padding = "left",
            TrainingCommand = command,
            TrainingData = data,
            Metrics = metrics,
            HyperParameters = hyperParameters,
        };

    /// <summary>An encoder over the shipped ONNX model, for <see cref="EmbeddingScorer"/>.</summary>
    public static Func<long[], int, int, float[]> OnnxEncoder(OnnxRunner runner) =>
        (ids, rows, length) => runner.Run(SequenceModelContract.Output, (SequenceModelContract.Input, OnnxInput.Int64(ids, rows, length))).Values;

    /// <summary>Evaluates the ONNX model and the most-popular baseline under one protocol on the test hold-out.</summary>
    public static (RankingResult Model, RankingResult MostPopular) Evaluate(string directory, SequenceDataset data, RankingProtocol protocol, int seed)
    {
        var manifest = ModelManifest.Load(directory);
        using var runner = new OnnxRunner(Path.Combine(directory, manifest.OnnxFile));
        var dim = Convert.ToInt32(manifest.Outputs[0].Shape[1].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var table = ReadItemTable(directory);
        if (table.Length / dim < data.ItemCount + 1)
        {
            throw new InvalidDataException($"The model knows {table.Length / dim - 1} items but the data uses ids up to {data.ItemCount}.");
        }

        using var scorer = new EmbeddingScorer(OnnxEncoder(runner), table[..((data.ItemCount + 1) * dim)], dim, manifest.MaxLength ?? 50);
        var model = SequenceEvaluator.Evaluate(data, scorer, protocol, HoldOut.Test, seed);
        var popular = SequenceEvaluator.Evaluate(data, new PopularityScorer(data.Popularity()), protocol, HoldOut.Test, seed);
        return (model, popular);
    }
}
