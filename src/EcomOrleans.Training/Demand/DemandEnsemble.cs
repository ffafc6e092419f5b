using EcomOrleans.Training.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Demand;

/// <summary>
/// Independently trained <see cref="LstmForecaster"/> members (same data, different seeds) whose
/// forecasts are averaged: each channel's mean across members, so the point forecast is the mean
/// of the members' means and each quantile is the average of the members' quantiles. Averaging
/// removes most of the seed-to-seed spread a single small LSTM shows on a few series.
/// </summary>
internal sealed class DemandEnsemble : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly ModuleList<LstmForecaster> _members;

    public DemandEnsemble(IEnumerable<LstmForecaster> members) : base("demand_ensemble")
    {
        _members = nn.ModuleList([.. members]);
        if (_members.Count == 0)
        {
            throw new ArgumentException("An ensemble needs at least one member.", nameof(members));
        }

        RegisterComponents();
    }

    public IReadOnlyList<LstmForecaster> Members => [.. _members];

    /// <summary>[batch, horizon, 4] forecasts in units, the average of the members' forecasts.</summary>
    public override Tensor forward(Tensor history, Tensor scale)
    {
        using var scope = NewDisposeScope();
        return stack(_members.Select(m => m.forward(history, scale)), 0).mean([0]).MoveToOuterDisposeScope();
    }

    /// <inheritdoc cref="DemandGraph.Export"/>
    public ModelProto ExportOnnx(IReadOnlyDictionary<string, string> metadata, long version, bool reorderGates = true) =>
        DemandGraph.Export(Members, metadata, version, reorderGates);
}
