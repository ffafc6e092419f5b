using EcomOrleans.Models.Sequence;
using EcomOrleans.Training.Onnx;
using EcomOrleans.Training.Sequence;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Tests.Sequence;

public sealed class SasRecModelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void ExportOnnx_RandomPaddedBatch_MatchesTorchSharpWithin1e4(int batch)
    {
        random.manual_seed(11);
        using var model = new SasRecModel(new SasRecOptions(ItemCount: 40, Dim: 16, Layers: 2, Heads: 2, MaxLength: 12));
        model.eval();
        var ids = TestInputs.LeftPaddedIds(batch, length: 9, maxId: 40, seed: batch);

        using var input = tensor(ids, [batch, 9]);
        var expected = model.UserEmbedding(input).data<float>().ToArray();
        using var runner = new OnnxRunner(model.ExportOnnx(new Dictionary<string, string>(), 1).ToByteArray());
        var (actual, shape) = runner.Run(SequenceContract.Output, (SequenceContract.Input, OnnxInput.Int64(ids, batch, 9)));

        Assert.Equal([batch, 16L], shape);
        TestInputs.AssertClose(expected, actual, 1e-4f);
    }
}
