namespace EcomOrleans.LoadGen.Load;

/// <summary>What a load step keeps of a request for <c>--samples</c>: its place, latency and HTTP status.</summary>
public readonly record struct SampleRow(int Index, TimeSpan Latency, int Status);
