namespace EcomOrleans.Inference.Models;

/// <summary>A model folder could not be loaded: a missing or corrupt file, or a manifest that disagrees with the ONNX model.</summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException()
    {
    }

    public ModelLoadException(string message) : base(message)
    {
    }

    public ModelLoadException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
