namespace EcomOrleans.Inference.Models;

/// <summary>Where ONNX Runtime runs the models (<c>Inference:ExecutionProvider</c>).</summary>
public enum ExecutionProvider
{
    /// <summary>The CPU provider of the default Microsoft.ML.OnnxRuntime package.</summary>
    Cpu,

    /// <summary>NVIDIA GPUs; needs the Microsoft.ML.OnnxRuntime.Gpu package (build with <c>-p:EcomInferenceGpu=true</c>).</summary>
    Cuda,
}
