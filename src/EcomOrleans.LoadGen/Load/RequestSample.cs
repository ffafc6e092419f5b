namespace EcomOrleans.LoadGen.Load;

/// <summary>One finished request of a load step.</summary>
/// <param name="Index">Its place in the step, from 0.</param>
/// <param name="Latency">Open loop: from when it was due to its answer; closed loop: from when it was sent.</param>
public readonly record struct RequestSample(int Index, TimeSpan Latency, RecommendationProbe Probe);
