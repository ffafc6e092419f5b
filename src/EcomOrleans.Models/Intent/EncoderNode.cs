namespace EcomOrleans.Models.Intent;

/// <summary>One node of the sentence encoder's ONNX graph (<see cref="EncoderGraph"/>): its operator and the names it reads and writes.</summary>
public sealed record EncoderNode(string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs);
