using EcomOrleans.Models.Intent;
using EcomOrleans.Training.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Intent;

/// <summary>
/// The intent classifier over a frozen sentence encoder: from the pooled, unit-length embedding [batch, 384] to one
/// logit per intent, through one linear layer, or (with <c>hidden</c> > 0) a hidden layer with ReLU first. Exported
/// alone to ONNX; serving runs the encoder, pools, and runs this.
/// </summary>
internal sealed class IntentHead : nn.Module<Tensor, Tensor>
{
    private readonly Linear? _hidden;
    private readonly Linear _classifier;

    public IntentHead(int labels, int hidden = 0)
        : base(nameof(IntentHead))
    {
        Labels = labels;
        Hidden = hidden;
        _hidden = hidden > 0 ? nn.Linear(SentenceEncoderContract.Dimension, hidden) : null;
        _classifier = nn.Linear(hidden > 0 ? hidden : SentenceEncoderContract.Dimension, labels);
        RegisterComponents();
    }

    public int Labels { get; }

    /// <summary>The layer that writes the logits (the only layer of the linear head).</summary>
    public Linear Classifier => _classifier;

    /// <summary>Width of the hidden layer; 0 for the linear head.</summary>
    public int Hidden { get; }

    public override Tensor forward(Tensor embedding) =>
        _hidden is null ? _classifier.forward(embedding) : _classifier.forward(nn.functional.relu(_hidden.forward(embedding)));

    /// <param name="centroids">
    /// The intents' unit-length centroids, row-major [intents, 384], for the <see cref="IntentContract.InScope"/>
    /// output; none: the head has no such output.
    /// </param>
    public ModelProto ExportOnnx(IReadOnlyDictionary<string, string> metadata, long version, float[]? centroids = null)
    {
        var g = new OnnxGraphBuilder("intent_head");
        var embedding = g.Input(SentenceEncoderContract.Embedding, OnnxDataType.Float, "batch", SentenceEncoderContract.Dimension);
        var features = _hidden is null ? embedding : g.Node("Relu", [g.Linear(embedding, _hidden, "hidden")]);
        g.Output(g.Linear(features, _classifier, "classifier"), IntentContract.Logits, OnnxDataType.Float, "batch", Labels);
        if (centroids is not null)
        {
            var rows = centroids.Length / SentenceEncoderContract.Dimension;
            var transposed = new float[centroids.Length];
            for (var c = 0; c < rows; c++)
            {
                for (var j = 0; j < SentenceEncoderContract.Dimension; j++)
                {
                    transposed[(j * rows) + c] = centroids[(c * SentenceEncoderContract.Dimension) + j];
                }
            }

            var similarity = g.MatMul(embedding, g.Floats("centroids_t", transposed, SentenceEncoderContract.Dimension, rows));
            g.Output(g.Node("ReduceMax", [similarity], AttributeProto.Ints("axes", 1), AttributeProto.Int("keepdims", 0)), IntentContract.InScope, OnnxDataType.Float, "batch");
        }

        return g.ToModel("Intent head: a pooled all-MiniLM-L6-v2 sentence embedding to one logit per intent.", version, metadata);
    }
}
