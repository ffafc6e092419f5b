namespace EcomOrleans.Events;

/// <summary>How many events of a batch were new and how many had been seen before.</summary>
[GenerateSerializer, Immutable, Alias("ecom.IngestResult")]
public sealed record IngestResult([property: Id(0)] int Accepted, [property: Id(1)] int Duplicates)
{
    public static IngestResult Empty { get; } = new(0, 0);

    public IngestResult Add(IngestResult other) => new(Accepted + other.Accepted, Duplicates + other.Duplicates);
}
