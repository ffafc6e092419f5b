using EcomOrleans.Models.Intent;
using EcomOrleans.Training.Intent;
using EcomOrleans.Training.Onnx;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Tests.Intent;

public sealed class IntentClassifierTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void ExportOnnx_RightPaddedBatch_MatchesTorchSharpWithin1e4(int batch)
    {
        random.manual_seed(5);
        using var model = new IntentClassifier(new IntentModelOptions(VocabularySize: 50, LabelCount: 27, Dim: 16, Layers: 2, Heads: 4, MaxLength: 12));
        model.eval();
        const int length = 10;
        var rng = new Random(batch);
        var ids = new long[batch * length];
        var mask = new long[batch * length];
        for (var row = 0; row < batch; row++)
        {
            var real = length - (row % 6); // row 0 unpadded, others right-padded
            for (var t = 0; t < real; t++)
            {
                ids[(row * length) + t] = rng.Next(1, 50);
                mask[(row * length) + t] = 1;
            }
        }

        float[] expected;
        using (no_grad())
        {
            expected = model.forward(tensor(ids, [batch, length]), tensor(mask, [batch, length])).data<float>().ToArray();
        }

        using var runner = new OnnxRunner(model.ExportOnnx(new Dictionary<string, string>(), 1).ToByteArray());
        var (actual, shape) = runner.Run(IntentContract.Logits,
            (IntentContract.InputIds, OnnxInput.Int64(ids, batch, length)),
            (IntentContract.AttentionMask, OnnxInput.Int64(mask, batch, length)));

        Assert.Equal([batch, 27L], shape);
        TestInputs.AssertClose(expected, actual, 1e-4f);
    }
}
