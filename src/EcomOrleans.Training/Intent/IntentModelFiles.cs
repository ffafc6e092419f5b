using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcomOrleans.Models;
using EcomOrleans.Models.Intent;
using EcomOrleans.Training.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace EcomOrleans.Training.Intent;

/// <summary>The files of an intent model folder: model.onnx, vocab.txt, labels.json, manifest.json.</summary>
internal static class IntentModelFiles
{
    public static void WriteModel(string directory, IntentClassifier model, IReadOnlyList<string> labels, IReadOnlyDictionary<string, string> metadata, long version)
    {
        File.WriteAllBytes(Path.Combine(directory, ModelFileNames.Onnx), model.ExportOnnx(metadata, version).ToByteArray());
        IntentLabels.Write(Path.Combine(directory, ModelFileNames.Labels), labels);
    }

    public static IReadOnlyList<string> ReadLabels(string directory) => IntentLabels.Read(Path.Combine(directory, ModelFileNames.Labels));

    public static ModelManifest Manifest(string name, string version, IntentModelOptions options, string command, TrainingData data, JsonObject metrics, JsonObject hyperParameters) => new()
    {
        Name = name,
        Version = version,
        Kind = ModelKinds.Intent,
        Inputs =
        [
            new TensorSpec(IntentContract.InputIds, TensorElementTypes.Int64, ["batch", "sequence"],
                $"BertTokenizer (lower-case) ids from vocab.txt: [CLS] pieces [SEP], RIGHT-padded with 0, at most {options.MaxLength}"),
            new TensorSpec(IntentContract.AttentionMask, TensorElementTypes.Int64, ["batch", "sequence"], "1 on real tokens, 0 on padding"),
        ],
        Outputs = [new TensorSpec(IntentContract.Logits, TensorElementTypes.Float32, ["batch", options.LabelCount], "one logit per intent, in labels.json order; softmax for probabilities")],
        Files =
        [
            new ModelFile(ModelFileRoles.Vocabulary, ModelFileNames.Vocabulary, "WordPiece vocabulary, one token per line, line number = id", [options.VocabularySize],
                "bert-base-uncased tokens used by the training text plus [PAD] [UNK] [CLS] [SEP] [MASK]"),
            new ModelFile(ModelFileRoles.Labels, ModelFileNames.Labels, "JSON array of intent names", [options.LabelCount], "logit i = labels[i]"),
            new ModelFile(ModelFileRoles.LearningCurve, ModelFileNames.LearningCurve, "PNG"),
        ],
        MaxLength = options.MaxLength,
        Padding = ModelPadding.Right,
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
        var split = manifest.TrainingData?.Split;
        if (split is not null && TrainingData.Sha256Of(dataPath) == manifest.TrainingData!.Sha256)
        {
            var fraction = split["testFraction"]!.GetValue<double>();
            var seed = split["seed"]!.GetValue<int>();
            if (split["kind"]?.GetValue<string>()?.StartsWith("held out by opening", StringComparison.Ordinal) == true)
            {
                return (IntentDataset.SplitByOpening(data.Rows, fraction, seed).HeldOut, $"held out by opening ({fraction.ToString(CultureInfo.InvariantCulture)} of the openings)");
            }

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

        using var runner = new OnnxRunner(Path.Combine(directory, manifest.OnnxFile));
        if (manifest.Inputs is [{ Name: SentenceEncoderContract.Embedding }])
        {
            // A head over the sentence encoder: encode, then score the pooled embeddings.
            using var encoder = new MiniLmEncoder(threads: Math.Max(1, Environment.ProcessorCount));
            var normalizer = MessageNormalizer.ForModel(manifest, directory, () => encoder.VocabularyTokens);
            var embeddings = encoder.Encode([.. rows.Select(r => normalizer?.Normalize(r.Text) ?? r.Text)]);
            var (headLogits, _) = runner.Run(IntentContract.Logits,
                (SentenceEncoderContract.Embedding, OnnxInput.Float(embeddings, rows.Count, SentenceEncoderContract.Dimension)));
            var count = labels.Count;
            var best = Enumerable.Range(0, rows.Count).Select(row => Argmax(headLogits.AsSpan(row * count, count))).ToArray();
            return ClassificationMetrics.Compute(rows.Select(r => index[r.Intent]).ToArray(), best, labels.Count);
        }

        if (manifest.Inputs.Any(i => i.Name == SentenceEncoderContract.Hidden))
        {
            // A head that carries the encoder's top layers: the output of the layer it reads, then the head.
            var layer = manifest.Details[SentenceEncoderContract.EncoderDetail]![SentenceEncoderContract.InputLayerDetail]!.GetValue<int>();
            using var encoder = new MiniLmEncoder(threads: Math.Max(1, Environment.ProcessorCount), inputLayer: layer);
            var normalizer = MessageNormalizer.ForModel(manifest, directory, () => encoder.VocabularyTokens);
            var (states, _) = encoder.EncodeStates([.. rows.Select(r => normalizer?.Normalize(r.Text) ?? r.Text)]);
            using var session = new InferenceSession(Path.Combine(directory, manifest.OnnxFile));
            var tunedBest = TunedIntentHead.Logits(session, states).Select(l => Argmax(l)).ToArray();
            return ClassificationMetrics.Compute(rows.Select(r => index[r.Intent]).ToArray(), tunedBest, labels.Count);
        }

        var tokenizer = new IntentTokenizer(Path.Combine(directory, ModelFileNames.Vocabulary), manifest.MaxLength ?? IntentContract.DefaultMaxLength);
        var predicted = new List<int>();
        foreach (var batch in rows.Chunk(256))
        {
            var (ids, mask, length) = tokenizer.EncodeBatch(batch.Select(b => b.Text).ToArray());
            var (logits, _) = runner.Run(IntentContract.Logits,
                (IntentContract.InputIds, OnnxInput.Int64(ids, batch.Length, length)),
                (IntentContract.AttentionMask, OnnxInput.Int64(mask, batch.Length, length)));
            for (var row = 0; row < batch.Length; row++)
            {
                predicted.Add(Argmax(logits.AsSpan(row * labels.Count, labels.Count)));
            }
        }

        return ClassificationMetrics.Compute(rows.Select(r => index[r.Intent]).ToArray(), predicted, labels.Count);
    }

    private static int Argmax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            best = scores[c] > scores[best] ? c : best;
        }

        return best;
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
