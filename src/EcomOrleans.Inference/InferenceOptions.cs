using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;
using EcomOrleans.Inference.Batching;
using EcomOrleans.Inference.Models;
using Microsoft.Extensions.Options;

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
    [EnumDataType(typeof(ExecutionProvider), ErrorMessage = "{0} must be Cpu or Cuda")]
    public ExecutionProvider ExecutionProvider { get; set; } = ExecutionProvider.Cpu;

    /// <summary>The GPU the CUDA provider uses. Default 0.</summary>
    [Range(0, 1_024, ErrorMessage = OptionsMessages.Between)]
    public int CudaDeviceId { get; set; }

    /// <summary>
    /// Threads one model run may use. Default 1: on a small CPU, concurrent batches
    /// (<see cref="BatcherOptions.ConcurrentBatches"/>) use the cores better than threads inside one run.
    /// </summary>
    [Range(1, 256, ErrorMessage = OptionsMessages.Between)]
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Whether idle intra-op threads spin waiting for work. Default false: spinning burns cores other work needs.</summary>
    public bool AllowSpinning { get; set; }

    /// <summary>How often model folders are checked for a new version to swap in. Default 30 s; zero turns it off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Search queries' sentence embeddings kept per silo, so a query typed again (by anyone) runs no model. Default
    /// 10,000, about 17 MB; 0 keeps none. Dropped with the model version that made them.
    /// </summary>
    [Range(0, 1_000_000, ErrorMessage = OptionsMessages.Between)]
    public int QueryCacheEntries { get; set; } = 10_000;

    /// <summary>Batching of the sequence encoder (<c>Inference:Sequence:*</c>).</summary>
    [ValidateObjectMembers]
    public BatcherOptions Sequence { get; set; } = new();

    /// <summary>Batching of the intent classifier (<c>Inference:Intent:*</c>).</summary>
    [ValidateObjectMembers]
    public BatcherOptions Intent { get; set; } = new();

    /// <summary>Batching of the demand forecaster (<c>Inference:Demand:*</c>).</summary>
    [ValidateObjectMembers]
    public BatcherOptions Demand { get; set; } = new() { MaxBatchSize = 64 };
}
