namespace EcomOrleans.Models.Intent;

/// <summary>A float32 initializer of the sentence encoder's ONNX graph (<see cref="EncoderGraph"/>): its name, shape and values.</summary>
public sealed record EncoderTensor(string Name, long[] Dims, float[] Values);
