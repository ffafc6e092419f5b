using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;

namespace EcomOrleans.Grains.Skus;

/// <summary>How much a category's board keeps and how often it saves (configuration section <c>Grains:CategoryBoards</c>).</summary>
public sealed class CategoryBoardOptions
{
    public const string SectionName = "Grains:CategoryBoards";

    /// <summary>
    /// SKU standings kept per category; past it the one with the least demand and no lost units is dropped. Default
    /// 1,000 (at most about 500 KB stored, under Azure Tables' 960 KB a state; see <c>StateSizeBounds</c>).
    /// </summary>
    [Range(10, 5_000, ErrorMessage = OptionsMessages.Between)]
    public int MaxTracked { get; set; } = 1_000;

    /// <summary>How often a board that changed is saved. Default 1 minute; the SKUs report again after a loss.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromMinutes(1);
}
