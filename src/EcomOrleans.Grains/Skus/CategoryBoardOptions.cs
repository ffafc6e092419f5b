using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;

namespace EcomOrleans.Grains.Skus;

/// <summary>How much a category's board keeps and how often it saves (configuration section <c>Grains:CategoryBoards</c>).</summary>
public sealed class CategoryBoardOptions
{
    public const string SectionName = "Grains:CategoryBoards";

    /// <summary>
    /// SKU standings kept per category; past it the one with the least demand and no lost units is dropped. Default
    /// 500: at most about 240 KB stored (a standing is about 475 bytes), a third of Azure Tables' 960 KB a state, so a
    /// standing may grow by half again and still fit (see <c>StateSizeBounds</c>). The SKUs dropped are the leaderboard's
    /// tail; a category of more SKUs keeps the SKUs losing units before the others, and then the most demand.
    /// </summary>
    [Range(10, 5_000, ErrorMessage = OptionsMessages.Between)]
    public int MaxTracked { get; set; } = 500;

    /// <summary>
    /// SKUs with series of their own (<c>ecom_sku_demand_units{sku}</c> and the rest) per silo: the top by 28-day demand
    /// of the boards that silo holds. Bounds the metrics' cardinality. Default 20.
    /// </summary>
    [Range(0, 1_000, ErrorMessage = OptionsMessages.Between)]
    public int TopSkuSeries { get; set; } = 20;

    /// <summary>How often a board that changed is saved. Default 1 minute; the SKUs report again after a loss.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Whether a board is saved as its grain deactivates because the silo stops. Not configuration: the engine's
    /// composition sets it false on the in-memory store, as for trending rankings. Default true.
    /// </summary>
    public bool SaveWhenSiloStops { get; set; } = true;
}
