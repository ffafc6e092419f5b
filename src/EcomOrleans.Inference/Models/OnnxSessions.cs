using Microsoft.ML.OnnxRuntime;

namespace EcomOrleans.Inference.Models;

/// <summary>Session options from <see cref="InferenceOptions"/>: execution provider and threads.</summary>
internal static class OnnxSessions
{
    public const string CudaProvider = "CUDAExecutionProvider";

    /// <summary>Fails with a clear message when Cuda is asked for and this ONNX Runtime build lacks it.</summary>
    public static void CheckProvider(InferenceOptions options)
    {
        if (options.ExecutionProvider != ExecutionProvider.Cuda)
        {
            return;
        }

        var available = OrtEnv.Instance().GetAvailableProviders();
        if (!available.Contains(CudaProvider))
        {
            throw new ModelLoadException(
                $"Inference:ExecutionProvider is Cuda, but this ONNX Runtime build has no CUDA execution provider (it has {string.Join(", ", available)}). " +
                "Build with -p:EcomInferenceGpu=true to reference Microsoft.ML.OnnxRuntime.Gpu, on a machine with CUDA, or set Inference:ExecutionProvider to Cpu.");
        }
    }

    public static SessionOptions Create(InferenceOptions options)
    {
        var session = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        session.AddSessionConfigEntry("session.intra_op.allow_spinning", options.AllowSpinning ? "1" : "0");
        if (options.ExecutionProvider == ExecutionProvider.Cuda)
        {
            session.AppendExecutionProvider_CUDA(options.CudaDeviceId);
        }

        return session;
    }
}
