using EcomOrleans.Models.Intent;
using EcomOrleans.Training.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Intent;

/// <summary>
/// The intent classifier over a frozen sentence encoder: one linear layer from the pooled, unit-length embedding
/// [batch, 384] to one logit per intent. Exported alone to ONNX; serving runs the encoder, pools, and runs this.
/// </summary>
internal sealed class IntentHead : nn.Module<Tensor, Tensor>
{
    private readonly Linear _classifier;

    public IntentHead(int labels)
        : base(nameof(IntentHead))
    {
        Labels = labels;
        _classifier = nn.Linear(SentenceEncoderContract.Dimension, labels);
        RegisterComponents();
    }

    public int Labels { get; }

    public override Tensor forward(Tensor embedding) => _classifier.forward(embedding);

    public ModelProto ExportOnnx(IReadOnlyDictionary<string, string> metadata, long version)
    {
        var g = new OnnxGraphBuilder("intent_head");
        var embedding = g.Input(SentenceEncoderContract.Embedding, OnnxDataType.Float, "batch", SentenceEncoderContract.Dimension);
        g.Output(g.Linear(embedding, _classifier, "classifier"), IntentContract.Logits, OnnxDataType.Float, "batch", Labels);
        return g.ToModel("Intent head: a pooled all-MiniLM-L6-v2 sentence embedding to one logit per intent.", version, metadata);
    }
}
