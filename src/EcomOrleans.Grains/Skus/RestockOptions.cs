using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;
using EcomOrleans.Merchandising.Restock;

namespace EcomOrleans.Grains.Skus;

/// <summary>How SKU grains decide restocks (configuration section <c>Grains:Restock</c>); the lead time is each SKU's own.</summary>
public sealed class RestockOptions
{
    public const string SectionName = "Grains:Restock";

    /// <summary>How orders are sized. Default <see cref="RestockPolicyKind.OrderUpTo"/> (periodic review to S at <see cref="ServiceLevel"/>).</summary>
    public RestockPolicyKind Policy { get; set; } = RestockPolicyKind.OrderUpTo;

    /// <summary>Days between restock reviews (orders placed). Default 7.</summary>
    [Range(1, 90, ErrorMessage = OptionsMessages.Between)]
    public int ReviewPeriodDays { get; set; } = 7;

    /// <summary>Target cycle service level of the order-up-to policy. Default 0.95.</summary>
    [Range(0.5, 0.999, ErrorMessage = OptionsMessages.Between)]
    public double ServiceLevel { get; set; } = 0.95;

    /// <summary>Cost of holding a unit a year, as a fraction of its cost (the newsvendor's overage). Default 0.25.</summary>
    [Range(0.0, 5.0, ErrorMessage = OptionsMessages.Between)]
    public double HoldingCostRate { get; set; } = 0.25;

    /// <summary>Days of cover above this many protection intervals (lead time + review) is overstocked. Default 4.</summary>
    [Range(1.0, 100.0, ErrorMessage = OptionsMessages.Between)]
    public double OverstockMultiple { get; set; } = 4;
}
