using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;

namespace EcomOrleans.Grains.Skus;

/// <summary>The guardrails of price suggestions (configuration section <c>Grains:Pricing</c>).</summary>
public sealed class PricingOptions
{
    public const string SectionName = "Grains:Pricing";

    /// <summary>Largest move of one suggestion, as a fraction of the current price. Default 0.10.</summary>
    [Range(0.01, 0.5, ErrorMessage = OptionsMessages.Between)]
    public double MaxChange { get; set; } = 0.10;

    /// <summary>Smallest gross margin (price - cost) / price a suggestion may leave. Default 0.15.</summary>
    [Range(0.0, 0.95, ErrorMessage = OptionsMessages.Between)]
    public double MinimumMargin { get; set; } = 0.15;

    /// <summary>A markdown is suggested only while days of cover are above this. Default 28.</summary>
    [Range(1.0, 365.0, ErrorMessage = OptionsMessages.Between)]
    public double TargetDaysOfCover { get; set; } = 28;

    /// <summary>Two-sided level of the elasticity interval; a suggestion needs the interval clear of 0. Default 0.9.</summary>
    [Range(0.5, 0.999, ErrorMessage = OptionsMessages.Between)]
    public double ConfidenceLevel { get; set; } = 0.9;

    /// <summary>Suggestions kept in a SKU's audit trail, newest first. Default 20.</summary>
    [Range(1, 200, ErrorMessage = OptionsMessages.Between)]
    public int SuggestionsKept { get; set; } = 20;
}
