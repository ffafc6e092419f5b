using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcomOrleans.Training.Common;
using EcomOrleans.Training.Onnx;

namespace EcomOrleans.Training.Intent;

/// <summary>The files of an intent model folder: model.onnx, vocab.txt, labels.json, manifest.json.</summary>
internal static class IntentModelFiles
{
    public const string LabelsFile = "labels.json";

    public static void WriteModel(string directory, IntentClassifier model, IReadOnlyList<string> labels, IReadOnlyDictionary<string, string> metadata, long version)
    {
        File.WriteAllBytes(Path.Combine(directory, "model.onnx"), model.ExportOnnx(metadata, version).ToByteArray());
        File.WriteAllText(Path.Combine(directory, LabelsFile), JsonSerializer.Serialize(labels, ModelManifest.Json) + "\n");
    }

    public static IReadOnlyList<string> ReadLabels(string directory) =>
        JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(directory, LabelsFile))) ?? [];

    public static ModelManifest Manifest(string name, string version, IntentModelOptions options, string command, TrainingData data, JsonObject metrics, JsonObject hyperParameters) => new()
    {
        Name = name,
        Version = version,
        Kind = "intent",
        Inputs =
        [
            new TensorSpec(IntentClassifier.InputIds, "int64", ["batch", "sequence"],
                $"BertTokenizer (lower-case) ids from vocab.txt: [CLS] pieces [SEP], RIGHT-padded with 0, at most {options.MaxLength}"),
            new TensorSpec(IntentClassifier.AttentionMask, "int64", ["batch", "sequence"], "1 on real tokens, 0 on padding"),
        ],
        Outputs = [new TensorSpec(IntentClassifier.Logits, "float32", ["batch", options.LabelCount], "one logit per intent, in labels.json order; softmax for probabilities")],
        Files =
        [
            new ModelFile("vocabulary", IntentTokenizer.VocabularyFile, "WordPiece vocabulary, one token per line, line number = id", [options.VocabularySize],
                "bert-base-uncased tokens used by the training text plus [PAD] [UNK] [CLS] [SEP] [MASK]"),
            new ModelFile("labels", LabelsFile, "JSON array of intent names", [options.LabelCount], "logit i = labels[i]"),
            new ModelFile("learningCurve", LearningCurve.FileName, "PNG"),
        ],
        MaxLength = options.MaxLength,
        Padding = "right",
        TrainingCommand = command,
        TrainingData = data,
        Metrics = metrics,
        HyperParameters = hyperParameters,
    };

    /// <summary>
    /// The rows evaluate scores: the held-out split when the data is the training file (same
    /// checksum, same seeded split), otherwise every row.
    /// </summary>
    public static (IReadOnlyList<LabelledUtterance> Rows, string Scope) EvaluationRows(ModelManifest manifest, string dataPath)
    {
        var data = IntentDataset.Load(dataPath);
        var split = manifest.TrainingData.Split;
        if (split is not null && TrainingData.Sha256Of(dataPath) == manifest.TrainingData.Sha256)
        {
            var fraction = split["testFraction"]!.GetValue<double>();
            var seed = split["seed"]!.GetValue<int>();
            return (IntentDataset.Split(data.Rows, fraction, seed).HeldOut, $"held-out {fraction.ToString(CultureInfo.InvariantCulture)} stratified split");
        }

        return (data.Rows, "all rows (not the training file)");
    }

    public static ClassificationMetrics Evaluate(string directory, IReadOnlyList<LabelledUtterance> rows, out IReadOnlyList<string> labels)
    {
        var manifest = ModelManifest.Load(directory);
        labels = ReadLabels(directory);
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i);
        var unknown = rows.Select(r => r.Intent).Where(i => !index.ContainsKey(i)).Distinct().ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidDataException($"The data has intents the model does not know: {string.Join(", ", unknown)}.");
        }

        var tokenizer = new IntentTokenizer(Path.Combine(directory, IntentTokenizer.VocabularyFile), manifest.MaxLength ?? 64);
        using var runner = new OnnxRunner(Path.Combine(directory, manifest.OnnxFile));
        var predicted = new List<int>();
        foreach (var batch in rows.Chunk(256))
        {
            var (ids, mask, length) = tokenizer.EncodeBatch(batch.Select(b => b.Text).ToArray());
            var (logits, _) = runner.Run(IntentClassifier.Logits,
                (IntentClassifier.InputIds, OnnxInput.Int64(ids, batch.Length, length)),
                (IntentClassifier.AttentionMask, OnnxInput.Int64(mask, batch.Length, length)));
            for (var row = 0; row < batch.Length; row++)
            {
                var scores = logits.AsSpan(row * labels.Count, labels.Count);
                var bestIndex = 0;
                for (var c = 1; c < scores.Length; c++)
                {
                    bestIndex = scores[c] > scores[bestIndex] ? c : bestIndex;
                }

                predicted.Add(bestIndex);
            }
        }

        return ClassificationMetrics.Compute(rows.Select(r => index[r.Intent]).ToArray(), predicted, labels.Count);
    }

    /// <summary>
    /// The <paramref name="count"/> intents with the lowest F1: where their examples went instead
    /// (confusedWith) and which other intents' examples were taken for them (takenFrom).
    /// </summary>
    public static JsonArray WorstIntents(ClassificationMetrics metrics, IReadOnlyList<string> labels, int count = 3)
    {
        var worst = new JsonArray();
        foreach (var c in Enumerable.Range(0, labels.Count).OrderBy(c => metrics.F1[c]).Take(count))
        {
            var confusedWith = new JsonObject();
            foreach (var p in Enumerable.Range(0, labels.Count).Where(p => p != c && metrics.Confusion[c, p] > 0).OrderByDescending(p => metrics.Confusion[c, p]))
            {
                confusedWith[labels[p]] = metrics.Confusion[c, p];
            }

            var takenFrom = new JsonObject();
            foreach (var t in Enumerable.Range(0, labels.Count).Where(t => t != c && metrics.Confusion[t, c] > 0).OrderByDescending(t => metrics.Confusion[t, c]))
            {
                takenFrom[labels[t]] = metrics.Confusion[t, c];
            }

            worst.Add(new JsonObject
            {
                ["intent"] = labels[c], ["f1"] = Math.Round(metrics.F1[c], 4), ["correct"] = metrics.Confusion[c, c],
                ["confusedWith"] = confusedWith, ["takenFrom"] = takenFrom,
            });
        }

        return worst;
    }
}
