using System.Globalization;

namespace EcomOrleans.Merchandising.Pricing;

/// <summary>
/// The columns of an elasticity regression and how an observation becomes a row: intercept, centred log price, then
/// promotion, promotion × centred log price and seasonal dummies where the data can identify them.
/// </summary>
internal sealed class ElasticityDesign
{
    private readonly Seasonality _seasonality;
    private readonly int[] _seasonalLevels;

    private ElasticityDesign(double meanLogPrice, bool promotion, bool interaction, Seasonality seasonality, int[] seasonalLevels)
    {
        MeanLogPrice = meanLogPrice;
        HasPromotion = promotion;
        HasInteraction = interaction;
        _seasonality = seasonality;
        _seasonalLevels = seasonalLevels;
    }

    /// <summary>Column of the centred log price: its coefficient is the elasticity.</summary>
    public const int PriceColumn = 1;

    /// <summary>Column of the promotion flag when <see cref="HasPromotion"/>.</summary>
    public const int PromotionColumn = 2;

    /// <summary>Column of promotion × centred log price when <see cref="HasInteraction"/>.</summary>
    public const int InteractionColumn = 3;

    /// <summary>The mean log price the price column is centred on, so the intercept is log units at the geometric-mean price.</summary>
    public double MeanLogPrice { get; }

    public bool HasPromotion { get; }

    public bool HasInteraction { get; }

    public int Parameters => 2 + (HasPromotion ? 1 : 0) + (HasInteraction ? 1 : 0) + _seasonalLevels.Length;

    /// <summary>
    /// The design for <paramref name="used"/>: a promotion column only when both promoted and unpromoted periods occur
    /// (otherwise it would copy the intercept), and a dummy for each seasonal level present except the first, which is
    /// the reference (a level never seen has no column and no coefficient to estimate).
    /// </summary>
    public static ElasticityDesign For(IReadOnlyList<PriceObservation> used, ElasticityOptions options)
    {
        var meanLogPrice = used.Count == 0 ? 0 : used.Average(o => Math.Log(o.UnitPrice));
        var promotion = used.Any(o => o.Promoted) && used.Any(o => !o.Promoted);
        var levels = options.Seasonality == Seasonality.None
            ? []
            : used.Select(o => Level(options.Seasonality, o.Period)).Distinct().Order().Skip(1).ToArray();
        return new ElasticityDesign(meanLogPrice, promotion, promotion && options.PromotionInteraction, options.Seasonality, levels);
    }

    public double[] Row(PriceObservation observation)
    {
        var row = new double[Parameters];
        var logPrice = Math.Log(observation.UnitPrice) - MeanLogPrice;
        var promoted = observation.Promoted ? 1.0 : 0.0;
        row[0] = 1;
        row[PriceColumn] = logPrice;
        var column = PriceColumn + 1;
        if (HasPromotion)
        {
            row[column++] = promoted;
        }

        if (HasInteraction)
        {
            row[column++] = promoted * logPrice;
        }

        if (_seasonalLevels.Length > 0)
        {
            var level = Array.IndexOf(_seasonalLevels, Level(_seasonality, observation.Period));
            if (level >= 0)
            {
                row[column + level] = 1;
            }
        }

        return row;
    }

    private static int Level(Seasonality seasonality, DateOnly period) => seasonality switch
    {
        Seasonality.DayOfWeek => (int)period.DayOfWeek,
        Seasonality.MonthOfYear => period.Month,
        Seasonality.WeekOfYear => ISOWeek.GetWeekOfYear(period.ToDateTime(TimeOnly.MinValue)),
        _ => 0,
    };
}
