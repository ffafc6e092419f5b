namespace EcomOrleans.Inference;

/// <summary>
/// A model's queue was full: the request was refused on arrival or shed for a higher-priority one.
/// The API maps it to 503 Service Unavailable; the caller may retry later.
/// </summary>
[GenerateSerializer, Alias("ecom.InferenceOverloadedException")]
public sealed class InferenceOverloadedException : Exception
{
    public InferenceOverloadedException()
    {
    }

    public InferenceOverloadedException(string message) : base(message)
    {
    }

    public InferenceOverloadedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public InferenceOverloadedException(string model, InferencePriority priority, string message) : base(message)
    {
        Model = model;
        Priority = priority;
    }

    /// <summary>The model whose queue was full.</summary>
    [Id(0)]
    public string Model { get; init; } = "";

    /// <summary>The priority of the refused or shed request.</summary>
    [Id(1)]
    public InferencePriority Priority { get; init; }
}
