using System.Globalization;
using EcomOrleans.Grains.Catalog;
using EcomOrleans.Grains.Insights;
using EcomOrleans.Grains.Recommendations;
using EcomOrleans.Grains.Skus;
using EcomOrleans.Grains.Storage;
using EcomOrleans.Grains.Users;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace EcomOrleans.Engine.Storage;

/// <summary>The most bytes one grain state may take in the configured store.</summary>
public sealed class StateSizeLimitOptions
{
    /// <summary>
    /// Orleans' Azure Table provider writes a state as up to 15 binary properties of 64 KB (983,040 bytes) and refuses
    /// more (an entity holds 1 MiB in all).
    /// </summary>
    public const long AzureTableMaxStateBytes = 15 * 64 * 1024;

    public long MaxStateBytes { get; set; } = AzureTableMaxStateBytes;

    /// <summary>The store's name, for the message.</summary>
    public string Store { get; set; } = "Azure Table storage";
}

/// <summary>
/// Refuses, at start-up, grain options whose largest state (<see cref="StateSizeBounds"/>, serialized by the
/// storage serializer) would not fit the store, naming the option that matters most: the one whose default would
/// shrink the state most.
/// </summary>
internal sealed class StateSizeLimitValidator(
    IOptions<UserGrainOptions> users,
    IOptions<RecommendationOptions> recommendations,
    IOptions<SkuGrainOptions> skus,
    IOptions<TrendingOptions> trending,
    IOptions<SearchDemandOptions> searchDemand,
    IOptions<ForecastOptions> forecasts,
    IOptions<PricingOptions> pricing,
    IOptions<CategoryBoardOptions> boards,
    IGrainStorageSerializer serializer) : IValidateOptions<StateSizeLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, StateSizeLimitOptions options)
    {
        StateBoundsOptions configured;
        try
        {
            configured = new(users.Value, recommendations.Value, skus.Value, trending.Value, searchDemand.Value, forecasts.Value, pricing.Value, boards.Value);
        }
        catch (OptionsValidationException)
        {
            return ValidateOptionsResult.Skip; // Their own validators say what is wrong.
        }

        // Measured as JSON: compression shrinks these synthetic states far more than it would real ones, and Brotli never
        // makes a state more than a few bytes longer than its JSON.
        var json = serializer is CompressedGrainStorageSerializer compressed ? compressed.Inner : serializer;
        var failures = new List<string>();
        foreach (var bound in StateSizeBounds.Measure(configured, json).Where(b => b.Bytes > options.MaxStateBytes))
        {
            var culprit = bound.BoundedBy
                .Select(key => (Key: key, Bytes: StateSizeBounds.Measure(WithDefault(configured, key), json).Single(b => b.StateName == bound.StateName).Bytes))
                .OrderBy(c => c.Bytes)
                .FirstOrDefault();
            var what = culprit.Key is null ? $"{options.Store} is too small: " : $"{culprit.Key} is too large for {options.Store}: ";
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{what}a grain's '{bound.StateName}' state could reach {bound.Bytes:N0} bytes, more than the {options.MaxStateBytes:N0} it can store; lower it (was {Value(configured, culprit.Key)})."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The options with the member <paramref name="key"/> names (<c>Section:Sub:Member</c>) at its default.</summary>
    private static StateBoundsOptions WithDefault(StateBoundsOptions options, string key) => new(
        Reset(options.Users, UserGrainOptions.SectionName, key),
        Reset(options.Recommendations, RecommendationOptions.SectionName, key),
        Reset(options.Skus, SkuGrainOptions.SectionName, key),
        Reset(options.Trending, TrendingOptions.SectionName, key),
        Reset(options.SearchDemand, SearchDemandOptions.SectionName, key),
        Reset(options.Forecasts, ForecastOptions.SectionName, key),
        Reset(options.Pricing, PricingOptions.SectionName, key),
        Reset(options.Boards, CategoryBoardOptions.SectionName, key));

    private static T Reset<T>(T options, string section, string key)
        where T : class, new()
    {
        if (!key.StartsWith(section + ":", StringComparison.Ordinal))
        {
            return options;
        }

        var copy = new T();
        foreach (var property in typeof(T).GetProperties().Where(p => p.CanWrite && p.Name != key[(section.Length + 1)..]))
        {
            property.SetValue(copy, property.GetValue(options));
        }

        return copy;
    }

    private static string Value(StateBoundsOptions options, string? key)
    {
        if (key is null)
        {
            return "fixed";
        }

        var member = key[(key.LastIndexOf(':') + 1)..];
        var value = new object[] { options.Users, options.Recommendations, options.Skus, options.Trending, options.SearchDemand, options.Forecasts, options.Pricing, options.Boards }
            .Select(o => o.GetType().GetProperty(member) is { } p && key.StartsWith(SectionOf(o), StringComparison.Ordinal) ? p.GetValue(o) : null)
            .FirstOrDefault(v => v is not null);
        return value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "?";
    }

    private static string SectionOf(object options) => options switch
    {
        UserGrainOptions => UserGrainOptions.SectionName,
        RecommendationOptions => RecommendationOptions.SectionName,
        SkuGrainOptions => SkuGrainOptions.SectionName,
        TrendingOptions => TrendingOptions.SectionName,
        ForecastOptions => ForecastOptions.SectionName,
        PricingOptions => PricingOptions.SectionName,
        CategoryBoardOptions => CategoryBoardOptions.SectionName,
        _ => SearchDemandOptions.SectionName,
    };
}
