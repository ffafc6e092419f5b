using Microsoft.ML.OnnxRuntime;

namespace EcomOrleans.Training.Onnx;

/// <summary>An input tensor: int64 or float values with their shape.</summary>
internal sealed record OnnxInput(long[] Shape, long[]? Int64Values = null, float[]? FloatValues = null)
{
    public static OnnxInput Int64(long[] values, params long[] shape) => new(shape, Int64Values: values);

    public static OnnxInput Float(float[] values, params long[] shape) => new(shape, FloatValues: values);

    public OrtValue ToOrtValue() => Int64Values is not null
        ? OrtValue.CreateTensorValueFromMemory(Int64Values, Shape)
        : OrtValue.CreateTensorValueFromMemory(FloatValues!, Shape);
}
