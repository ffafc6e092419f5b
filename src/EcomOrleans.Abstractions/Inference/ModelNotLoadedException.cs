namespace EcomOrleans.Inference;

/// <summary>No model of the asked kind is loaded on this silo (no folder for it under the models path). The API maps it to 503.</summary>
[GenerateSerializer, Alias("ecom.ModelNotLoadedException")]
public sealed class ModelNotLoadedException : Exception
{
    public ModelNotLoadedException()
    {
    }

    public ModelNotLoadedException(string message) : base(message)
    {
    }

    public ModelNotLoadedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The message names <paramref name="kind"/>: <c>Model 'sequence' is not loaded.</c></summary>
    public static ModelNotLoadedException For(string kind) => new($"Model '{kind}' is not loaded.") { Kind = kind };

    [Id(0)]
    public string Kind { get; init; } = "";
}
