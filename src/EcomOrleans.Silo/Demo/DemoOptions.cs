namespace EcomOrleans.Silo.Demo;

/// <summary>The demo catalog (configuration section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>
    /// On the embedded, in-memory default, put the sequence model's demo catalog (its SKUs with titles, prices and
    /// stock, <c>models/sequence/demo-catalog.csv</c>) in the catalog at start-up, so that a fresh engine recommends
    /// something. Default true. A durable store is never seeded, whatever this says.
    /// </summary>
    public bool SeedCatalog { get; set; } = true;
}
