using System.Globalization;

namespace EcomOrleans.Merchandising.Pricing;

/// <summary>
/// Suggests the price that maximises expected margin per day, (p − c)·u0·(p / p0)^b, inside the guardrails, rounded to
/// the cent.
/// </summary>
/// <remarks>
/// For b &lt; −1 the margin rises up to p* = c·b / (1 + b) and falls after it, so the best price in the band is p*
/// clamped into it (the better of the two cents around p* when p* is inside). For −1 ≤ b &lt; 0 the margin rises with
/// price everywhere above cost, so the cap binds. The band is
/// [max(p0·(1 − MaxChange), c / (1 − MinimumMargin), p0 if cover ≤ target), p0·(1 + MaxChange)], its ends rounded
/// inward to cents. No suggestion when the elasticity's interval includes 0.
/// </remarks>
public sealed class PricePolicy
{
    // Absorbs rounding in p0·(1 ± MaxChange)·100 when the band's ends are rounded to cents (a bound is exact to 1e-9 cents).
    private const double CentTolerance = 1e-9;

    /// <summary>A policy with <paramref name="guardrails"/> (default: 10 % maximum step, 15 % minimum margin).</summary>
    public PricePolicy(PriceGuardrails? guardrails = null)
    {
        Guardrails = guardrails ?? new PriceGuardrails();
        Guardrails.Validate();
    }

    public PriceGuardrails Guardrails { get; }

    /// <summary>The suggestion for <paramref name="situation"/> under <paramref name="elasticity"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A price, cost, unit rate or cover that is negative, not a number, or (price) zero.</exception>
    public PriceSuggestion Suggest(PricingSituation situation, ElasticityEstimate elasticity)
    {
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(elasticity);
        Validate(situation, elasticity);
        var (p0, cost, b) = (situation.CurrentPrice, situation.UnitCost, elasticity.Elasticity);
        PriceOutcome At(double price)
        {
            var units = situation.ExpectedUnitsPerDay * Math.Pow(price / p0, b);
            return new PriceOutcome(price, units, price * units, (price - cost) * units);
        }

        var current = At(p0);
        PriceSuggestion Keep(PriceSuggestionOutcome outcome, PriceGuardrail guardrail, FormattableString reason) =>
            new(outcome, current, current, guardrail, reason.ToString(CultureInfo.InvariantCulture));

        if (elasticity.IntervalIncludesZero)
        {
            return Keep(PriceSuggestionOutcome.IntervalIncludesZero, PriceGuardrail.None,
                $"no change: the {elasticity.ConfidenceLevel:P0} interval of the elasticity [{elasticity.Lower:F2}, {elasticity.Upper:F2}] includes 0");
        }

        if (b >= 0)
        {
            return Keep(PriceSuggestionOutcome.ElasticityNotNegative, PriceGuardrail.None, $"no change: the elasticity {b:F2} is positive, so the demand model does not apply");
        }

        if (situation.ExpectedUnitsPerDay == 0)
        {
            return Keep(PriceSuggestionOutcome.NoDemand, PriceGuardrail.None, $"no change: no units are expected at {p0:F2}");
        }

        var ceiling = Math.Floor((p0 * (1 + Guardrails.MaxChange) * 100) + CentTolerance) / 100;
        var (floorExact, floorGuardrail) = Floor(situation);
        var floor = Math.Ceiling((floorExact * 100) - CentTolerance) / 100;
        if (floor > ceiling)
        {
            return Keep(PriceSuggestionOutcome.NoAllowedMove, floorGuardrail,
                $"no change: no price satisfies the guardrails, the floor {floor:F2} ({Describe(floorGuardrail, situation)}) is above the {Guardrails.MaxChange:P0} cap {ceiling:F2}");
        }

        var optimum = b < -1 ? cost * b / (1 + b) : double.PositiveInfinity;
        var (price, bound) = optimum > ceiling ? (ceiling, PriceGuardrail.MaxIncrease)
            : optimum < floor ? (floor, floorGuardrail)
            : (BestCent(optimum, floor, ceiling, At), PriceGuardrail.None);
        price = Math.Round(price, 2);
        if (price == p0)
        {
            return bound == PriceGuardrail.None
                ? Keep(PriceSuggestionOutcome.AlreadyOptimal, bound, $"no change: {p0:F2} is the margin-optimal price at elasticity {b:F2}")
                : Keep(PriceSuggestionOutcome.NoAllowedMove, bound, $"no change: the best allowed price is the current {p0:F2} ({Describe(bound, situation)})");
        }

        var suggested = At(price);
        var why = bound switch
        {
            PriceGuardrail.None => "the margin-optimal price",
            PriceGuardrail.MaxIncrease when double.IsPositiveInfinity(optimum) => $"held by the {Guardrails.MaxChange:P0} cap: with elasticity above -1 margin rises with price",
            _ => $"held by {Describe(bound, situation)}; the margin-optimal price is {optimum:F2}",
        };
        return new PriceSuggestion(PriceSuggestionOutcome.Changed, current, suggested, bound, string.Create(CultureInfo.InvariantCulture,
            $"{(price > p0 ? "raise" : "lower")} {p0:F2} to {price:F2} ({why}): margin per day {current.MarginPerDay:F2} to {suggested.MarginPerDay:F2} at elasticity {b:F2}"));
    }

    /// <summary>The highest of the lower limits and the guardrail it comes from (ties go to cover, then margin).</summary>
    private (double Floor, PriceGuardrail Guardrail) Floor(PricingSituation situation)
    {
        var step = situation.CurrentPrice * (1 - Guardrails.MaxChange);
        var margin = situation.UnitCost / (1 - Guardrails.MinimumMargin);
        var cover = situation.DaysOfCover <= situation.TargetDaysOfCover ? situation.CurrentPrice : double.NegativeInfinity;
        return cover >= Math.Max(step, margin) ? (cover, PriceGuardrail.NoMarkdownAtCover)
            : margin >= step ? (margin, PriceGuardrail.MinimumMargin)
            : (step, PriceGuardrail.MaxDecrease);
    }

    /// <summary>The better of the cents on either side of an interior optimum (the margin is unimodal, so one of them is best).</summary>
    private static double BestCent(double optimum, double floor, double ceiling, Func<double, PriceOutcome> at)
    {
        var below = Math.Max(floor, Math.Floor(optimum * 100) / 100);
        var above = Math.Min(ceiling, Math.Ceiling(optimum * 100) / 100);
        return at(below).MarginPerDay >= at(above).MarginPerDay ? below : above;
    }

    private string Describe(PriceGuardrail guardrail, PricingSituation situation) => guardrail switch
    {
        PriceGuardrail.MaxIncrease => string.Create(CultureInfo.InvariantCulture, $"the {Guardrails.MaxChange:P0} maximum step up"),
        PriceGuardrail.MaxDecrease => string.Create(CultureInfo.InvariantCulture, $"the {Guardrails.MaxChange:P0} maximum step down"),
        PriceGuardrail.MinimumMargin => string.Create(CultureInfo.InvariantCulture,
            $"the {Guardrails.MinimumMargin:P0} minimum margin, cost {situation.UnitCost:F2} / (1 - {Guardrails.MinimumMargin:0.##})"),
        PriceGuardrail.NoMarkdownAtCover => string.Create(CultureInfo.InvariantCulture,
            $"no markdown at {situation.DaysOfCover:F1} days of cover, target {situation.TargetDaysOfCover:F1}"),
        _ => "no guardrail",
    };

    private static void Validate(PricingSituation situation, ElasticityEstimate elasticity)
    {
        if (!(situation.CurrentPrice > 0 && double.IsFinite(situation.CurrentPrice)))
        {
            throw new ArgumentOutOfRangeException(nameof(situation), situation.CurrentPrice, "The current price must be positive and finite.");
        }

        if (!(situation.UnitCost >= 0 && double.IsFinite(situation.UnitCost)))
        {
            throw new ArgumentOutOfRangeException(nameof(situation), situation.UnitCost, "The unit cost must be zero or more and finite.");
        }

        if (!(situation.ExpectedUnitsPerDay >= 0 && double.IsFinite(situation.ExpectedUnitsPerDay)))
        {
            throw new ArgumentOutOfRangeException(nameof(situation), situation.ExpectedUnitsPerDay, "Expected units per day must be zero or more and finite.");
        }

        // Infinite cover is allowed: stock with no expected sales.
        if (!(situation.DaysOfCover >= 0 && situation.TargetDaysOfCover >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(situation), (situation.DaysOfCover, situation.TargetDaysOfCover), "Days of cover and the target must be zero or more.");
        }

        if (!(double.IsFinite(elasticity.Elasticity) && elasticity.Lower <= elasticity.Upper))
        {
            throw new ArgumentOutOfRangeException(nameof(elasticity), elasticity.Elasticity, "The elasticity must be finite with Lower ≤ Upper.");
        }
    }
}
