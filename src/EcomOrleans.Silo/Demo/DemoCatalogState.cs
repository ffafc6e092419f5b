namespace EcomOrleans.Silo.Demo;

/// <summary>Where <see cref="DemoCatalogSeeder"/> is.</summary>
public enum DemoCatalogState
{
    /// <summary>Waiting for the engine to start.</summary>
    Pending,

    /// <summary>Not seeding: turned off, a durable store, or no demo catalog beside the model.</summary>
    Off,

    /// <summary>Putting SKUs in the catalog.</summary>
    Seeding,

    /// <summary>Every SKU is in the catalog.</summary>
    Seeded,

    /// <summary>Seeding stopped part-way (logged).</summary>
    Failed,
}
