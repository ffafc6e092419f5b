using TorchSharp;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Common;

/// <summary>
/// A copy of the parameters of the epoch with the best validation score so far, put back into the model when
/// training ends: every trainer keeps the epoch validation picks, not the last one.
/// </summary>
internal sealed class BestEpoch(bool higherIsBetter)
{
    private Tensor[] _weights = [];

    public int Epoch { get; private set; }

    public double Score { get; private set; } = higherIsBetter ? double.NegativeInfinity : double.PositiveInfinity;

    /// <returns>True when <paramref name="score"/> beats the best so far; the model's parameters are then copied.</returns>
    public bool Offer(int epoch, double score, nn.Module model)
    {
        if (!(higherIsBetter ? score > Score : score < Score)) // NaN never improves
        {
            return false;
        }

        foreach (var old in _weights)
        {
            old.Dispose();
        }

        (Epoch, Score, _weights) = (epoch, score, [.. model.parameters().Select(p => p.detach().clone())]);
        return true;
    }

    /// <summary>Copies the best epoch's parameters back into <paramref name="model"/> and frees the copy.</summary>
    public void Restore(nn.Module model)
    {
        using (no_grad())
        {
            foreach (var (parameter, weight) in model.parameters().Zip(_weights))
            {
                parameter.copy_(weight);
                weight.Dispose();
            }
        }

        _weights = [];
    }
}
