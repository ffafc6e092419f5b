using EcomOrleans.Training.Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Demand;

/// <summary>
/// An LSTM over the daily feature window; its last hidden state goes through a small MLP to
/// 14 days x 4 channels (mean, p10, p50, p90) as corrections to the mean rate of the last
/// <see cref="RecentDays"/> days: the forecast is (recent mean + output) x scale, clipped at zero,
/// so an untrained model starts from that moving average (itself close to exponential
/// smoothing on these series). Direct multi-horizon output: no feedback of forecasts, so no drift.
/// </summary>
internal sealed class LstmForecaster : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>Quantile levels of channels 1..3; channel 0 is the mean.</summary>
    public static readonly float[] Quantiles = [0.1f, 0.5f, 0.9f];

    /// <summary>Days at the end of the window whose mean scaled units the outputs correct.</summary>
    public const int RecentDays = 14;

    private readonly LSTM _lstm;
    private readonly Linear _hidden;
    private readonly Linear _head;
    private readonly Dropout _dropout;

    public LstmForecaster(DemandModelOptions options) : base("demand")
    {
        Options = options;
        _lstm = nn.LSTM(DemandModelShape.FeatureCount, options.Hidden, options.Layers, batchFirst: true, dropout: options.Layers > 1 ? options.Dropout : 0);
        _hidden = nn.Linear(options.Hidden, options.Hidden);
        _dropout = nn.Dropout(options.HeadDropout);
        _head = nn.Linear(options.Hidden, DemandModelShape.Horizon * (Quantiles.Length + 1));
        RegisterComponents();
    }

    public DemandModelOptions Options { get; }

    /// <summary>[batch, horizon, 4] forecasts in units from history [batch, window, features] and scale [batch, 1].</summary>
    public override Tensor forward(Tensor history, Tensor scale)
    {
        using var scope = NewDisposeScope();
        var (_, h, _) = _lstm.forward(history);
        var last = h[-1];
        var raw = _head.forward(_dropout.forward(nn.functional.relu(_hidden.forward(_dropout.forward(last))))).view(-1, DemandModelShape.Horizon, Quantiles.Length + 1);
        var recent = history.narrow(1, DemandModelShape.Window - RecentDays, RecentDays).select(2, 0).mean([1], keepdim: true).unsqueeze(-1);
        return nn.functional.relu(raw.add(recent).mul(scale.unsqueeze(-1))).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Exports history + scale to mean [batch, 14] and quantiles [batch, 14, 3]. ONNX orders LSTM
    /// gates i, o, f, c where TorchSharp uses i, f, g, o; <paramref name="reorderGates"/> = false
    /// skips the reordering and exists only to show that it is needed.
    /// </summary>
    public ModelProto ExportOnnx(IReadOnlyDictionary<string, string> metadata, long version, bool reorderGates = true) =>
        DemandGraph.Export([this], metadata, version, reorderGates);

    /// <summary>Writes this forecaster into <paramref name="g"/>; returns the [batch, 14, 4] forecast in units, as <see cref="forward"/>.</summary>
    internal string ExportForecast(OnnxGraphBuilder g, string history, string scale, bool reorderGates)
    {
        var parameters = _lstm.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var hiddenSize = Options.Hidden;

        // The CPU LSTM kernel rejects layout=1, so run sequence-major: [window, batch, features].
        var x = g.Node("Transpose", [history], AttributeProto.Ints("perm", 1, 0, 2));
        string lastHidden = "";
        for (var layer = 0; layer < Options.Layers; layer++)
        {
            var w = Gates(parameters[$"weight_ih_l{layer}"], reorderGates);
            var r = Gates(parameters[$"weight_hh_l{layer}"], reorderGates);
            var bias = Gates(parameters[$"bias_ih_l{layer}"], reorderGates).Concat(Gates(parameters[$"bias_hh_l{layer}"], reorderGates)).ToArray();
            var inputSize = parameters[$"weight_ih_l{layer}"].shape[1];
            var outputs = g.Node("LSTM",
                [x, g.Floats($"lstm{layer}.w", w, 1, 4 * hiddenSize, inputSize), g.Floats($"lstm{layer}.r", r, 1, 4 * hiddenSize, hiddenSize),
                 g.Floats($"lstm{layer}.b", bias, 1, 8 * hiddenSize)],
                2, AttributeProto.Int("hidden_size", hiddenSize));
            x = g.Node("Squeeze", [outputs[0], g.Int64Vector("axis1", 1)]);
            lastHidden = g.Node("Squeeze", [outputs[1], g.Int64Vector("axis0", 0)]);
        }

        var hidden = g.Node("Relu", [g.Linear(lastHidden, _hidden, "hidden")]);
        var raw = g.Node("Reshape", [g.Linear(hidden, _head, "head"), g.Int64Vector("horizon_channels", 0, DemandModelShape.Horizon, Quantiles.Length + 1)]);
        var recentUnits = g.Node("Gather",
            [g.Node("Slice", [history, g.Int64Vector("recent_start", DemandModelShape.Window - RecentDays), g.Int64Vector("recent_end", DemandModelShape.Window), g.Int64Vector("axis1", 1)]),
             g.Int64s("units_feature", [0])],
            AttributeProto.Int("axis", 2));
        var recent = g.Node("Unsqueeze", [g.Node("ReduceMean", [recentUnits], AttributeProto.Ints("axes", 1), AttributeProto.Int("keepdims", 1)), g.Int64Vector("last", -1)]);
        return g.Node("Relu", [g.Mul(g.Add(raw, recent), g.Node("Unsqueeze", [scale, g.Int64Vector("last", -1)]))]);
    }

    /// <summary>TorchSharp gate blocks i, f, g, o reordered to ONNX's i, o, f, c.</summary>
    private float[] Gates(Tensor parameter, bool reorder)
    {
        using var scope = NewDisposeScope();
        var blocks = parameter.detach().cpu().contiguous().chunk(4, 0);
        var ordered = reorder ? new[] { blocks[0], blocks[3], blocks[1], blocks[2] } : blocks;
        return cat(ordered, 0).contiguous().data<float>().ToArray();
    }
}
