namespace EcomOrleans.Grains.Catalog;

/// <summary>How silos' catalog read models follow the catalog shards (configuration section <c>Grains:Catalog</c>).</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "Grains:Catalog";

    /// <summary>
    /// How often a silo renews its subscriptions and catches up on changes it missed. Default 30 seconds: the most a
    /// read model that missed a change (its silo was unreachable when the change was pushed) stays behind.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A subscription not renewed for this long is dropped. Default 2 minutes.</summary>
    public TimeSpan SubscriptionLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a shard waits for a read model to take a change before dropping it. Default 5 seconds.</summary>
    public TimeSpan NotifyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    internal IEnumerable<string> Validate()
    {
        if (RefreshInterval < TimeSpan.FromSeconds(1)) yield return $"{SectionName}:RefreshInterval must be at least 1 second (was {RefreshInterval}).";
        if (SubscriptionLifetime <= RefreshInterval) yield return $"{SectionName}:SubscriptionLifetime must be longer than RefreshInterval (was {SubscriptionLifetime}).";
        if (NotifyTimeout <= TimeSpan.Zero) yield return $"{SectionName}:NotifyTimeout must be positive (was {NotifyTimeout}).";
    }
}
