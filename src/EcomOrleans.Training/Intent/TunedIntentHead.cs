using EcomOrleans.Models.Intent;
using EcomOrleans.Training.Onnx;
using EcomOrleans.Training.Transformers;
using Microsoft.ML.OnnxRuntime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Intent;

/// <summary>
/// The intent classifier over the encoder's state below its top layers: copies of all-MiniLM-L6-v2's top layers
/// (trained further on the intents), the sentence-transformers pooling (mean over the message's tokens, unit length),
/// and a linear layer to one logit per intent. It reads the output of encoder layer
/// <see cref="InputLayer"/>; with its layers as the package has them it computes the frozen encoder's embedding
/// exactly, so training starts from the frozen head's answers (linear probe, then fine-tuning).
/// </summary>
internal sealed class TunedIntentHead : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>Dropout while fine-tuning, on the attention weights and each sub-layer's output: BERT's own.</summary>
    public const double TrainingDropout = 0.1;

    private readonly ModuleList<BertLayer> _layers;
    private readonly Linear _classifier;

    public TunedIntentHead(int labels, int inputLayer, double dropout)
        : base(nameof(TunedIntentHead))
    {
        if (inputLayer is < 0 or >= SentenceEncoderContract.Layers - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(inputLayer), inputLayer, $"The head needs at least one of the encoder's {SentenceEncoderContract.Layers} layers above its input.");
        }

        Labels = labels;
        InputLayer = inputLayer;
        _layers = new ModuleList<BertLayer>([.. Enumerable.Range(inputLayer + 1, SentenceEncoderContract.Layers - inputLayer - 1)
            .Select(i => new BertLayer($"layer{i}", SentenceEncoderContract.Dimension, SentenceEncoderContract.Heads, SentenceEncoderContract.FeedForward, dropout))]);
        _classifier = nn.Linear(SentenceEncoderContract.Dimension, labels);
        RegisterComponents();
    }

    public int Labels { get; }

    /// <summary>The encoder layer (0-based) whose output this head reads.</summary>
    public int InputLayer { get; }

    /// <summary>The encoder's own layers above <see cref="InputLayer"/>, from its ONNX file.</summary>
    public void LoadLayers(ReadOnlySpan<byte> encoder)
    {
        var nodes = EncoderGraph.Nodes(encoder);
        var initializers = EncoderGraph.FloatInitializers(encoder);
        for (var i = 0; i < _layers.Count; i++)
        {
            _layers[i].LoadFrom(nodes, initializers, InputLayer + 1 + i);
        }
    }

    /// <summary>Starts the classifier from a trained linear head (the linear probe).</summary>
    public void LoadClassifier(IntentHead head)
    {
        if (head.Hidden > 0)
        {
            throw new ArgumentException("Only a linear head can start the tuned head's classifier.", nameof(head));
        }

        using var noGrad = no_grad();
        _classifier.weight!.copy_(head.Classifier.weight!);
        _classifier.bias!.copy_(head.Classifier.bias!);
    }

    /// <summary>The parameters of the encoder layers (trained at a lower rate than the classifier's).</summary>
    public IEnumerable<Parameter> LayerParameters() => _layers.parameters();

    public IEnumerable<Parameter> ClassifierParameters() => _classifier.parameters();

    /// <param name="hidden">[batch, length, 384], the output of encoder layer <see cref="InputLayer"/>.</param>
    /// <param name="present">[batch, length], 1 on the message's tokens and 0 on padding.</param>
    public override Tensor forward(Tensor hidden, Tensor present)
    {
        using var scope = NewDisposeScope();
        return _classifier.forward(Pool(hidden, present)).MoveToOuterDisposeScope();
    }

    /// <summary>The pooled, unit-length sentence embedding [batch, 384] the classifier reads.</summary>
    public Tensor Pool(Tensor hidden, Tensor present)
    {
        using var scope = NewDisposeScope();
        var mask = present.neg().add(1).mul(BertLayer.MaskedScore).unsqueeze(1).unsqueeze(1);
        var x = hidden;
        foreach (var layer in _layers)
        {
            x = layer.forward(x, mask);
        }

        var summed = x.mul(present.unsqueeze(-1)).sum(1);
        return nn.functional.normalize(summed, p: 2, dim: 1).MoveToOuterDisposeScope();
    }

    /// <summary>The logits of an exported tuned head for each row's layer output ([tokens, 384] row-major), run in batches of 64.</summary>
    public static float[][] Logits(InferenceSession session, IReadOnlyList<float[]> states)
    {
        const int d = SentenceEncoderContract.Dimension;
        var result = new float[states.Count][];
        for (var start = 0; start < states.Count; start += 64)
        {
            var rows = Math.Min(64, states.Count - start);
            var length = Enumerable.Range(start, rows).Max(r => states[r].Length / d);
            var x = new float[rows * length * d];
            var mask = new long[rows * length];
            for (var r = 0; r < rows; r++)
            {
                states[start + r].CopyTo(x.AsSpan(r * length * d));
                mask.AsSpan(r * length, states[start + r].Length / d).Fill(1);
            }

            using var hidden = OrtValue.CreateTensorValueFromMemory(x, [rows, length, d]);
            using var attention = OrtValue.CreateTensorValueFromMemory(mask, [rows, length]);
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, [SentenceEncoderContract.Hidden, SentenceEncoderContract.AttentionMask], [hidden, attention], [IntentContract.Logits]);
            var logits = outputs[0].GetTensorDataAsSpan<float>();
            var labels = logits.Length / rows;
            for (var r = 0; r < rows; r++)
            {
                result[start + r] = logits.Slice(r * labels, labels).ToArray();
            }
        }

        return result;
    }

    public ModelProto ExportOnnx(IReadOnlyDictionary<string, string> metadata, long version)
    {
        var g = new OnnxGraphBuilder("intent_tuned_head");
        var hidden = g.Input(SentenceEncoderContract.Hidden, OnnxDataType.Float, "batch", "sequence", SentenceEncoderContract.Dimension);
        var attention = g.Input(SentenceEncoderContract.AttentionMask, OnnxDataType.Int64, "batch", "sequence");
        var present = g.Node("Cast", [attention], AttributeProto.Int("to", (long)OnnxDataType.Float));
        var padding = g.Mul(g.Add(g.Node("Neg", [present]), g.Scalar("one_f", 1f)), g.Scalar("masked", BertLayer.MaskedScore));
        var mask = g.Node("Unsqueeze", [padding, g.Int64Vector("axes12", 1, 2)]);
        var x = hidden;
        for (var i = 0; i < _layers.Count; i++)
        {
            x = _layers[i].Export(g, x, mask, $"layer{InputLayer + 1 + i}");
        }

        var summed = g.Node("ReduceSum", [g.Mul(x, g.Node("Unsqueeze", [present, g.Int64Vector("last", -1)])), g.Int64Vector("axis1", 1)], AttributeProto.Int("keepdims", 0));
        // F.normalize: x / max(‖x‖, 1e-12).
        var norm = g.Node("Max", [g.Node("Sqrt", [g.Node("ReduceSum", [g.Mul(summed, summed), g.Int64Vector("axis_last", 1)], AttributeProto.Int("keepdims", 1))]), g.Scalar("norm_floor", 1e-12f)]);
        var logits = g.Linear(g.Node("Div", [summed, norm]), _classifier, "classifier");
        g.Output(logits, IntentContract.Logits, OnnxDataType.Float, "batch", Labels);
        return g.ToModel($"Intent head: all-MiniLM-L6-v2's layers {InputLayer + 1}-{SentenceEncoderContract.Layers - 1} fine-tuned, mean pooling, unit length, one logit per intent.", version, metadata);
    }
}
