using EcomOrleans.Catalog;
using EcomOrleans.Events;
using EcomOrleans.Grains.Catalog;
using EcomOrleans.Grains.Common;
using EcomOrleans.Grains.Insights;
using EcomOrleans.Grains.Recommendations;
using EcomOrleans.Grains.Skus;
using EcomOrleans.Grains.Users;
using EcomOrleans.Skus;
using EcomOrleans.Users;
using Orleans.Storage;

namespace EcomOrleans.Grains.Storage;

/// <summary>The engine's grain options, as the state size bounds depend on them.</summary>
public sealed record StateBoundsOptions(
    UserGrainOptions Users,
    RecommendationOptions Recommendations,
    SkuGrainOptions Skus,
    TrendingOptions Trending,
    SearchDemandOptions SearchDemand,
    ForecastOptions Forecasts,
    PricingOptions Pricing,
    CategoryBoardOptions Boards);

/// <summary>One grain state at its largest: its name, its serialized size and the options that bound it.</summary>
public sealed record StateBound(string StateName, long Bytes, IReadOnlyList<string> BoundedBy);

/// <summary>
/// The largest state each grain can hold under the configured bounds, serialized the way storage writes it: every
/// list full, every identifier at its longest (ids 128 characters, SKUs 64), and every free text (titles,
/// categories, queries: 200 characters) made of the costliest character the edge accepts: control characters are
/// refused and the storage serializer writes other text as UTF-8, so a CJK character (3 bytes). A store with a
/// limit per record (Azure Tables: 960 KB) checks these at start-up.
/// </summary>
/// <remarks>
/// NOTE: the catalog shards are bounded by the catalog's size, not by an option: each holds about 1/256 of the
/// listings (see docs/storage.md for the measured bytes per listing and the catalog size that reaches the limit).
/// </remarks>
public static class StateSizeBounds
{
    public const int MaxIdLength = 128;
    public const int MaxSkuLength = 64;
    public const int MaxTextLength = 200;

    /// <summary>The widest user embedding counted: sixteen times the reference model's 64.</summary>
    public const int MaxEmbeddingDimensions = 1024;

    /// <summary>The costliest character a text may hold, stored: 3 bytes of UTF-8 ('"' and '\\' take 2 escaped, controls are refused).</summary>
    private const char Costliest = '\u4E2D';

    private static readonly DateTimeOffset Time = new(2026, 12, 31, 23, 59, 59, 999, TimeSpan.FromHours(-14));

    private static readonly System.Reflection.MethodInfo SerializeMethod =
        typeof(IGrainStorageSerializer).GetMethod(nameof(IGrainStorageSerializer.Serialize))!;

    /// <summary>Each grain state at its largest, as many bytes as <paramref name="serializer"/> writes for it.</summary>
    public static IReadOnlyList<StateBound> Measure(StateBoundsOptions options, IGrainStorageSerializer serializer) =>
        Measure(options, (state, type) => ((BinaryData)SerializeMethod.MakeGenericMethod(type).Invoke(serializer, [state])!).ToMemory().Length);

    /// <summary>Each grain state at its largest, serialized by <paramref name="serialize"/> (which returns the bytes stored).</summary>
    public static IReadOnlyList<StateBound> Measure(StateBoundsOptions options, Func<object, Type, long> serialize) =>
    [
        new(StorageNames.UserState, serialize(LargestUser(options), typeof(UserState)),
            [Key(UserGrainOptions.SectionName, nameof(UserGrainOptions.DedupWindow)), Key(UserGrainOptions.SectionName, nameof(UserGrainOptions.SequenceLength)),
             Key(UserGrainOptions.SectionName, nameof(UserGrainOptions.MaxSessions)), Key(UserGrainOptions.SectionName, nameof(UserGrainOptions.MaxCategories)),
             Key(RecommendationOptions.SectionName, nameof(RecommendationOptions.RememberedRecommendations)), Key(RecommendationOptions.SectionName, nameof(RecommendationOptions.MaxCount))]),
        new(StorageNames.UserDedupState, serialize(FullWindow(options.Users.DedupWindow), typeof(DedupState)),
            [Key(UserGrainOptions.SectionName, nameof(UserGrainOptions.DedupWindow))]),
        new(StorageNames.SkuState, serialize(LargestSku(), typeof(SkuState)), []),
        new(StorageNames.SkuDemandState, serialize(LargestSkuDemand(options.Skus), typeof(SkuDemandState)),
            [Key(SkuGrainOptions.SectionName, nameof(SkuGrainOptions.DedupWindow)), Key(SkuGrainOptions.SectionName, nameof(SkuGrainOptions.MaxCoViews)),
             Key(SkuGrainOptions.SectionName, nameof(SkuGrainOptions.HourlyRetention)), Key(SkuGrainOptions.SectionName, nameof(SkuGrainOptions.DailyRetention)),
             Key(SkuGrainOptions.SectionName, nameof(SkuGrainOptions.UnitHistoryRetention))]),
        new(StorageNames.TrendingState, serialize(LargestTrending(options.Trending), typeof(TrendingState)),
            [Key(TrendingOptions.SectionName, nameof(TrendingOptions.MaxTrackedPerCategory)), Key(TrendingOptions.SectionName, nameof(TrendingOptions.MaxTrackedCatalogWide))]),
        new(StorageNames.SearchDemandState, serialize(LargestSearchDemand(options.SearchDemand), typeof(SearchDemandState)),
            [Key(SearchDemandOptions.SectionName, nameof(SearchDemandOptions.MaxQueriesPerShard))]),
        new(StorageNames.SkuPlanState, serialize(LargestSkuPlan(options.Forecasts, options.Pricing), typeof(SkuPlanState)),
            [Key(ForecastOptions.SectionName, nameof(ForecastOptions.ScoredDaysKept)), Key(PricingOptions.SectionName, nameof(PricingOptions.SuggestionsKept)),
             Key(ForecastOptions.SectionName, nameof(ForecastOptions.Horizon))]),
        new(StorageNames.CategoryBoardState, serialize(LargestBoard(options.Boards), typeof(CategoryBoardState)),
            [Key(CategoryBoardOptions.SectionName, nameof(CategoryBoardOptions.MaxTracked))]),
    ];

    public static UserState LargestUser(StateBoundsOptions options)
    {
        var users = options.Users;
        var recommendations = options.Recommendations;
        return new UserState
        {
            // Searches carry the longest entries (a query); purchases a quantity and a price: take the larger of each.
            Sequence = [.. Enumerable.Range(0, users.SequenceLength).Select(i => new SequenceEntry(
                EventKind.Purchase, Sku(i), Time, Id(i), 1_000, 999_999.99m, Text(i)))],
            // The pending keys: a batch that leaves SpillAt of them spills them before the state is written.
            Dedup = FullWindow(Math.Min(users.DedupWindow, SpillingDedupWindow.DefaultSpillAt)),
            Sessions = [.. Enumerable.Range(0, users.MaxSessions).Select(i => new SessionSummary(Id(i), Time, Time, int.MaxValue))],
            Affinities = [.. Enumerable.Range(0, users.MaxCategories).Select(i => new AffinityState { Category = Text(i), Score = -1.2345678901234567E+300, AsOf = Time })],
            TotalEvents = long.MaxValue,
            FirstSeen = Time,
            LastSeen = Time,
            Embedding = [.. Enumerable.Range(0, MaxEmbeddingDimensions).Select(i => -1.23456789E-30f * (i + 1))],
            EmbeddingModelVersion = Text(0),
            EmbeddingStale = true,
            Recommendations = [.. Enumerable.Range(0, recommendations.RememberedRecommendations).Select(i => new IssuedRecommendation
            {
                Id = Id(i),
                Skus = [.. Enumerable.Range(0, recommendations.MaxCount).Select(Sku)],
                IssuedAt = Time,
            })],
        };
    }

    public static SkuState LargestSku() => new()
    {
        Catalog = new SkuCatalog(Text(0), Text(1), Text(2), 999_999.99m, 999_999.99m, int.MaxValue, int.MaxValue),
        Stock = int.MinValue,
        OversoldUnits = long.MinValue,
        UpdatedAt = Time,
    };

    public static SkuDemandState LargestSkuDemand(SkuGrainOptions skus)
    {
        return new SkuDemandState
        {
            Totals = Counts(),
            // One bucket per hour and per day of retention, and the one being filled.
            Hourly = [.. Enumerable.Range(0, (int)Math.Ceiling(skus.HourlyRetention.TotalHours) + 1).Select(_ => Counts())],
            Daily = [.. Enumerable.Range(0, (int)Math.Ceiling(skus.DailyRetention.TotalDays) + 1).Select(_ => Counts())],
            Dedup = FullWindow(skus.DedupWindow),
            TrendingScore = -1.2345678901234567E+300,
            TrendingAsOf = Time,
            CoViews = Enumerable.Range(0, skus.MaxCoViews).ToDictionary(Sku, _ => long.MinValue, StringComparer.Ordinal),
            UpdatedAt = Time,
            // One day per day of retention, the day being filled, and a day of clock skew ahead.
            UnitHistory = [.. Enumerable.Repeat(int.MaxValue, (int)Math.Ceiling(skus.UnitHistoryRetention.TotalDays) + 2)],
            UnitHistoryStart = DateOnly.FromDateTime(Time.UtcDateTime),
        };
    }

    /// <summary>
    /// The larger of a category's ranking (reports without their category, which is the grain's key) and the
    /// catalog-wide one (reports tagged with a 16-character hash of their category).
    /// </summary>
    public static TrendingState LargestTrending(TrendingOptions trending) => new()
    {
        Reports = Enumerable.Range(0, Math.Max(trending.MaxTrackedPerCategory, trending.MaxTrackedCatalogWide))
            .ToDictionary(Sku, i => new SkuDemandReport(Sku(i), new string('f', 16), -1.2345678901234567E+300, Time, long.MinValue), StringComparer.Ordinal),
    };

    public static SearchDemandState LargestSearchDemand(SearchDemandOptions search) => new()
    {
        Queries = Enumerable.Range(0, search.MaxQueriesPerShard)
            .ToDictionary(Text, _ => new SearchQueryState { Searches = long.MinValue, WithoutItem = long.MinValue, LastSeen = Time }, StringComparer.Ordinal),
    };

    /// <summary>
    /// A SKU's plan at its largest: a forecast of the longest horizon (the model's 14 days or the baselines', whichever is
    /// longer) with the longest reason, every scored day kept, and a full trail of suggestions with the longest reasons.
    /// </summary>
    public static SkuPlanState LargestSkuPlan(ForecastOptions forecasts, PricingOptions pricing)
    {
        var days = Math.Max(14, forecasts.Horizon);
        float[] Floats() => [.. Enumerable.Repeat(-1.23456789E+38f, days)];
        var day = new DateOnly(2026, 12, 31);
        return new SkuPlanState
        {
            Forecast = new SkuForecast(day, Floats(), Floats(), Floats(), Floats(), ForecastMethods.SeasonalSmoothing, Text(0), Time, int.MinValue, Text(1) + Text(2)),
            Recent = [.. Enumerable.Range(0, forecasts.ScoredDaysKept).Select(i =>
                new ForecastedDay(day.AddDays(-i), -1.23456789E+38f, -1.23456789E+38f, -1.23456789E+38f, -1.23456789E+38f, ForecastMethods.SeasonalSmoothing))],
            Errors = new ForecastErrorState { Days = int.MinValue, AbsoluteError = -1.2345678901234567E+300, Error = -1.2345678901234567E+300, Actual = -1.2345678901234567E+300, CoveredByP90 = int.MinValue },
            ScoredThrough = day,
            Suggestions = [.. Enumerable.Range(0, pricing.SuggestionsKept).Select(i => new PriceSuggestionRecord(
                new string('f', 16), Time, -79_228_162_514_264_337_593_543.9503m, -79_228_162_514_264_337_593_543.9503m, -79_228_162_514_264_337_593_543.9503m,
                Text(i) + Text(i + 1), PriceSuggestionRecord.Superseded, Time))],
            OwnElasticity = -1.2345678901234567E+300,
            OwnElasticityStandardError = -1.2345678901234567E+300,
        };
    }

    /// <summary>A category's board, full: every standing with the longest SKU and every number at its longest.</summary>
    public static CategoryBoardState LargestBoard(CategoryBoardOptions boards) => new()
    {
        Standings = Enumerable.Range(0, boards.MaxTracked).ToDictionary(Sku, i => new SkuStanding(
            Sku(i), long.MinValue, long.MinValue, long.MinValue, long.MinValue, int.MinValue, -1.2345678901234567E+300, -1.2345678901234567E+300,
            -1.2345678901234567E+300, Time), StringComparer.Ordinal),
    };

    /// <summary>A full dedup window (as a ring that has wrapped leaves it): random 64-bit keys, which base64 cannot shorten.</summary>
    private static DedupState FullWindow(int capacity) => new()
    {
        Keys = [.. Enumerable.Range(0, capacity).Select(i => StableHash.Of("key", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
        Count = capacity,
        Next = 0,
    };

    private static DemandCountsState Counts() => new()
    {
        Start = Time,
        Views = long.MinValue,
        Clicks = long.MinValue,
        Carts = long.MinValue,
        Purchases = long.MinValue,
        Units = long.MinValue,
        Revenue = -79_228_162_514_264_337_593_543.9503m,
    };

    /// <summary>A distinct identifier of the longest length.</summary>
    private static string Id(int i) => Distinct(i, MaxIdLength, 'i');

    private static string Sku(int i) => Distinct(i, MaxSkuLength, 's');

    /// <summary>A distinct free text of the longest length, made of the costliest character but the distinguishing digits.</summary>
    private static string Text(int i) => Distinct(i, MaxTextLength, Costliest);

    private static string Distinct(int i, int length, char fill)
    {
        var suffix = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new string(fill, length - suffix.Length) + suffix;
    }

    private static string Key(string section, string member) => $"{section}:{member}";
}
