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

        // The GPU build lists the CUDA provider everywhere; whether it can start is known only when its library loads
        // (with CUDA 13, cuDNN 9 and a driver), which appending it does.
        try
        {
            using var probe = new SessionOptions();
            probe.AppendExecutionProvider_CUDA(options.CudaDeviceId);
        }
        catch (OnnxRuntimeException exception)
        {
            throw new ModelLoadException(CudaUnavailable(exception), exception);
        }
    }

    /// <summary>What an operator reads when the CUDA provider is built in but cannot start here.</summary>
    public static string CudaUnavailable(Exception exception) =>
        $"Inference:ExecutionProvider is Cuda, but CUDA could not be started on this machine ({MessageText.FirstLine(exception.Message)}). " +
        "The GPU build (ONNX Runtime 1.31) needs an NVIDIA GPU with its driver, CUDA 13 and cuDNN 9; or set Inference:ExecutionProvider to Cpu.";

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
