using EcomOrleans.Training.Onnx;
using EcomOrleans.Training.Transformers;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Tests.Transformers;

public sealed class SelfAttentionTests
{
    [Fact]
    public void Export_PaddedBatch_MatchesTorchSharpWithin1e5()
    {
        const int batch = 2, length = 5, dim = 8;
        random.manual_seed(21);
        using var attention = new SelfAttention("attention", dim, heads: 2, dropout: 0);
        attention.eval();
        var rng = new Random(3);
        var x = Enumerable.Range(0, batch * length * dim).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        // The second row's last two positions are padding: masked as keys.
        var mask = new float[batch * length];
        mask[(1 * length) + 3] = mask[(1 * length) + 4] = -10000f;

        float[] expected;
        using (no_grad())
        {
            using var input = tensor(x, [batch, length, dim]);
            using var additive = tensor(mask, [batch, 1, 1, length]);
            expected = attention.forward(input, additive).data<float>().ToArray();
        }

        var g = new OnnxGraphBuilder("attention");
        var xName = g.Input("x", OnnxDataType.Float, batch, length, dim);
        var maskName = g.Input("mask", OnnxDataType.Float, batch, 1, 1, length);
        g.Output(attention.Export(g, xName, maskName, "attention"), "y", OnnxDataType.Float, batch, length, dim);
        using var runner = new OnnxRunner(g.ToModel("self-attention", 1, new Dictionary<string, string>()).ToByteArray());
        var (actual, shape) = runner.Run("y", ("x", OnnxInput.Float(x, batch, length, dim)), ("mask", OnnxInput.Float(mask, batch, 1, 1, length)));

        Assert.Equal([batch, length, (long)dim], shape);
        TestInputs.AssertClose(expected, actual, 1e-5f);
    }

    [Fact]
    public void New_WidthNotDivisibleByHeads_IsRefusedNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => new SelfAttention("attention", 10, heads: 3, dropout: 0));

        Assert.Equal("Width 10 is not divisible by 3 heads. (Parameter 'heads')", error.Message);
    }
}
