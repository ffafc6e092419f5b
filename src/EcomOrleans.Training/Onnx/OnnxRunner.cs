using Microsoft.ML.OnnxRuntime;

namespace EcomOrleans.Training.Onnx;

/// <summary>Runs an exported model in ONNX Runtime, the way the serving side will.</summary>
internal sealed class OnnxRunner : IDisposable
{
    private readonly InferenceSession _session;

    public OnnxRunner(string path)
    {
        using var options = new SessionOptions { IntraOpNumThreads = Math.Max(1, Environment.ProcessorCount) };
        _session = new InferenceSession(path, options);
    }

    public OnnxRunner(byte[] model)
    {
        using var options = new SessionOptions { IntraOpNumThreads = Math.Max(1, Environment.ProcessorCount) };
        _session = new InferenceSession(model, options);
    }

    public IReadOnlyDictionary<string, string> Metadata => _session.ModelMetadata.CustomMetadataMap;

    public IReadOnlyDictionary<string, NodeMetadata> InputMetadata => _session.InputMetadata;

    public IReadOnlyDictionary<string, NodeMetadata> OutputMetadata => _session.OutputMetadata;

    /// <summary>Runs the model on named inputs and returns the named output's values and shape.</summary>
    public (float[] Values, long[] Shape) Run(string output, params (string Name, OnnxInput Value)[] inputs)
    {
        var values = inputs.Select(i => i.Value.ToOrtValue()).ToArray();
        try
        {
            using var runOptions = new RunOptions();
            using var results = _session.Run(runOptions, inputs.Select(i => i.Name).ToArray(), values, [output]);
            var result = results[0];
            return (result.GetTensorDataAsSpan<float>().ToArray(), result.GetTensorTypeAndShape().Shape);
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    public void Dispose() => _session.Dispose();
}
