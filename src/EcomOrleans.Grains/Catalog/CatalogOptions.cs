using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;

namespace EcomOrleans.Grains.Catalog;

/// <summary>How silos' catalog read models follow the catalog shards (configuration section <c>Grains:Catalog</c>).</summary>
public sealed class CatalogOptions : IValidatableObject
{
    public const string SectionName = "Grains:Catalog";

    /// <summary>
    /// How often a silo renews its subscriptions and catches up on changes it missed. Default 30 seconds: the most a
    /// read model that missed a change (its silo was unreachable when the change was pushed, or a shard moved after a
    /// silo failure) stays behind.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A subscription not renewed for this long is dropped. Default 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "1.00:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan SubscriptionLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a shard waits for a read model to take a change before dropping it. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan NotifyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SubscriptionLifetime <= RefreshInterval)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(SubscriptionLifetime)} must be longer than {nameof(RefreshInterval)}, {RefreshInterval}", [nameof(SubscriptionLifetime)]);
        }
    }
}
