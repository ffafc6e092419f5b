using EcomOrleans.Inference.Batching;
using EcomOrleans.Inference.Models;

namespace EcomOrleans.Inference;

/// <summary>Where the models are and how they run (configuration section <c>Inference</c>).</summary>
public sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    /// <summary>
    /// The folder with one sub-folder per model (model.onnx + manifest.json). Default: the first
    /// folder named <c>models</c> found walking up from the application's base directory. When there
    /// is none, the silo starts without models and the inference grain answers "model 'x' is not loaded".
    /// </summary>
    public string? ModelsPath { get; set; }

    /// <summary>Cpu (default) or Cuda; Cuda needs the GPU build of ONNX Runtime and fails start-up without it.</summary>
    public ExecutionProvider ExecutionProvider { get; set; } = ExecutionProvider.Cpu;

    /// <summary>The GPU the CUDA provider uses. Default 0.</summary>
    public int CudaDeviceId { get; set; }

    /// <summary>
    /// Threads one model run may use. Default 1: on a small CPU, concurrent batches
    /// (<see cref="BatcherOptions.ConcurrentBatches"/>) use the cores better than threads inside one run.
    /// </summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Whether idle intra-op threads spin waiting for work. Default false: spinning burns cores other work needs.</summary>
    public bool AllowSpinning { get; set; }

    /// <summary>How often model folders are checked for a new version to swap in. Default 30 s; zero turns it off.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Batching of the sequence encoder (<c>Inference:Sequence:*</c>).</summary>
    public BatcherOptions Sequence { get; set; } = new();

    /// <summary>Batching of the intent classifier (<c>Inference:Intent:*</c>).</summary>
    public BatcherOptions Intent { get; set; } = new();

    /// <summary>Batching of the demand forecaster (<c>Inference:Demand:*</c>).</summary>
    public BatcherOptions Demand { get; set; } = new() { MaxBatchSize = 64 };

    internal IEnumerable<string> Validate()
    {
        if (!Enum.IsDefined(ExecutionProvider)) yield return $"{SectionName}:ExecutionProvider must be Cpu or Cuda (was {ExecutionProvider}).";
        if (CudaDeviceId < 0) yield return $"{SectionName}:CudaDeviceId must be 0 or more (was {CudaDeviceId}).";
        if (IntraOpThreads is < 1 or > 256) yield return $"{SectionName}:IntraOpThreads must be between 1 and 256 (was {IntraOpThreads}).";
        if (ReloadInterval < TimeSpan.Zero) yield return $"{SectionName}:ReloadInterval must not be negative (was {ReloadInterval}).";
        foreach (var error in Sequence.Validate($"{SectionName}:Sequence").Concat(Intent.Validate($"{SectionName}:Intent")).Concat(Demand.Validate($"{SectionName}:Demand")))
        {
            yield return error;
        }
    }
}
