using EcomOrleans.Merchandising.Pricing;

namespace EcomOrleans.Merchandising.Tests.Pricing;

public sealed class PricePolicyTests
{
    private static readonly PricePolicy Policy = new();

    [Fact]
    public void Suggest_ElasticDemandWithInteriorOptimum_SuggestsCostTimesBOverOnePlusB()
    {
        // b = −3, cost 6: p* = 6·(−3)/(−2) = 9.00, inside [8.5·0.9, 8.5·1.1] = [7.65, 9.35] and above 6 / 0.85 = 7.06.
        // Units at 9: 100·(9/8.5)^−3 = 84.242112; margin (9 − 6)·84.242112 = 252.726337 against 2.5·100 = 250 now.
        var suggestion = Policy.Suggest(new PricingSituation(8.5, 6, 100, 30, 14), Elasticity(-3));

        Assert.Equal((PriceSuggestionOutcome.Changed, 9.00, PriceGuardrail.None), (suggestion.Outcome, suggestion.Suggested.Price, suggestion.BindingGuardrail));
        Assert.Equal(84.242112, suggestion.Suggested.UnitsPerDay, 6);
        Assert.Equal(758.179012, suggestion.Suggested.RevenuePerDay, 6);
        Assert.Equal(252.726337, suggestion.Suggested.MarginPerDay, 6);
        Assert.Equal(new PriceOutcome(8.5, 100, 850, 250), suggestion.Current);
        Assert.Equal("raise 8.50 to 9.00 (the margin-optimal price): margin per day 250.00 to 252.73 at elasticity -3.00", suggestion.Reason);
    }

    [Fact]
    public void Suggest_InelasticDemand_RaisesToTheCap()
    {
        // b = −0.5: margin rises with price, so the 10 % cap binds: 8.5·1.1 = 9.35, units 100·1.1^−0.5 = 95.346259.
        var suggestion = Policy.Suggest(new PricingSituation(8.5, 6, 100, 30, 14), Elasticity(-0.5));

        Assert.Equal((9.35, PriceGuardrail.MaxIncrease), (suggestion.Suggested.Price, suggestion.BindingGuardrail));
        Assert.Equal(319.409967, suggestion.Suggested.MarginPerDay, 6);
        Assert.Equal("raise 8.50 to 9.35 (held by the 10 % cap: with elasticity above -1 margin rises with price): margin per day 250.00 to 319.41 at elasticity -0.50",
            suggestion.Reason);
    }

    [Fact]
    public void Suggest_OptimumBelowTheStep_LowersByTheMaximumStep()
    {
        // p* = 9 but the step allows no lower than 11·0.9 = 9.90 (cover above target, so a markdown is allowed).
        var suggestion = Policy.Suggest(new PricingSituation(11, 6, 100, 30, 14), Elasticity(-3));

        Assert.Equal((9.90, PriceGuardrail.MaxDecrease), (suggestion.Suggested.Price, suggestion.BindingGuardrail));
        Assert.Equal(534.979424, suggestion.Suggested.MarginPerDay, 6); // 3.9·100·(9.9/11)^−3
    }

    [Fact]
    public void Suggest_CoverAtTarget_AllowsNoMarkdown()
    {
        var suggestion = Policy.Suggest(new PricingSituation(11, 6, 100, 14, 14), Elasticity(-3));

        Assert.Equal((PriceSuggestionOutcome.NoAllowedMove, PriceGuardrail.NoMarkdownAtCover), (suggestion.Outcome, suggestion.BindingGuardrail));
        Assert.Equal(suggestion.Current, suggestion.Suggested);
        Assert.Equal("no change: the best allowed price is the current 11.00 (no markdown at 14.0 days of cover, target 14.0)", suggestion.Reason);
    }

    [Fact]
    public void Suggest_OptimumBelowTheMinimumMargin_StopsAtTheMarginFloor()
    {
        // A 40 % minimum margin puts the floor at 6 / 0.6 = 10.00, above p* = 9 and above the step 10.5·0.9 = 9.45.
        var policy = new PricePolicy(new PriceGuardrails(MinimumMargin: 0.4));

        var suggestion = policy.Suggest(new PricingSituation(10.5, 6, 100, 30, 14), Elasticity(-3));

        Assert.Equal((10.00, PriceGuardrail.MinimumMargin), (suggestion.Suggested.Price, suggestion.BindingGuardrail));
        Assert.Equal(463.05, suggestion.Suggested.MarginPerDay, 9); // 4·100·(10/10.5)^−3
    }

    [Fact]
    public void Suggest_CurrentPriceIsTheOptimum_ChangesNothing()
    {
        var suggestion = Policy.Suggest(new PricingSituation(9, 6, 100, 30, 14), Elasticity(-3));

        Assert.Equal((PriceSuggestionOutcome.AlreadyOptimal, false), (suggestion.Outcome, suggestion.Changed));
        Assert.Equal("no change: 9.00 is the margin-optimal price at elasticity -3.00", suggestion.Reason);
    }

    [Fact]
    public void Suggest_IntervalIncludesZero_ChangesNothing()
    {
        var elasticity = Elasticity(-0.8) with { Lower = -1.9, Upper = 0.3 };

        var suggestion = Policy.Suggest(new PricingSituation(8.5, 6, 100, 30, 14), elasticity);

        Assert.Equal((PriceSuggestionOutcome.IntervalIncludesZero, 8.5), (suggestion.Outcome, suggestion.Suggested.Price));
        Assert.Equal("no change: the 90 % interval of the elasticity [-1.90, 0.30] includes 0", suggestion.Reason);
    }

    [Fact]
    public void Suggest_NoCentMeetsTheMarginWithinOneStep_ChangesNothing()
    {
        // Cost 10 at price 10: the margin floor 10 / 0.85 = 11.77 is above the cap 11.00.
        var suggestion = Policy.Suggest(new PricingSituation(10, 10, 100, 30, 14), Elasticity(-3));

        Assert.Equal((PriceSuggestionOutcome.NoAllowedMove, PriceGuardrail.MinimumMargin), (suggestion.Outcome, suggestion.BindingGuardrail));
        Assert.StartsWith("no change: no price satisfies the guardrails, the floor 11.77", suggestion.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 6, 100, "The current price must be positive and finite.")]
    [InlineData(8.5, -1, 100, "The unit cost must be zero or more and finite.")]
    [InlineData(8.5, 6, double.NaN, "Expected units per day must be zero or more and finite.")]
    public void Suggest_BadSituation_Throws(double price, double cost, double units, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Policy.Suggest(new PricingSituation(price, cost, units, 30, 14), Elasticity(-2)));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MaxChangeOfZero_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PricePolicy(new PriceGuardrails(MaxChange: 0)));
        Assert.StartsWith("The maximum change must be strictly between 0 and 1.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// 10,000 seeded random situations: whatever the inputs, a suggested price is in cents, within the step, at or above
    /// the minimum margin, no markdown unless cover is above target, never made when the interval includes 0, and never
    /// earns less than the current price when the current price is itself allowed.
    /// </summary>
    [Fact]
    public void Suggest_RandomSituations_NeverBreaksAGuardrail()
    {
        var random = new Random(20_240_610);
        var changed = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var guardrails = new PriceGuardrails(0.01 + (0.49 * random.NextDouble()), 0.6 * random.NextDouble());
            var price = Math.Round(0.2 + (50 * random.NextDouble()), 2);
            var cost = price * 1.1 * random.NextDouble();
            var units = random.Next(20) == 0 ? 0 : 200 * random.NextDouble();
            var cover = 60 * random.NextDouble();
            var target = random.Next(10) == 0 ? cover : 60 * random.NextDouble();
            var b = -5 + (5.5 * random.NextDouble());
            var halfWidth = 2 * random.NextDouble();
            var elasticity = Elasticity(b) with { Lower = b - halfWidth, Upper = b + halfWidth };
            var situation = new PricingSituation(price, cost, units, cover, target);

            var suggestion = new PricePolicy(guardrails).Suggest(situation, elasticity);

            var s = suggestion.Suggested.Price;
            var context = $"case {i}: {situation}, {guardrails}, b {b} ± {halfWidth} → {suggestion}";
            if (suggestion.Changed)
            {
                changed++;
                Assert.True(Math.Round(s, 2) == s, context);
                Assert.True(Math.Abs(s - price) <= (guardrails.MaxChange * price) + 1e-9, context);
                Assert.True((s - cost) / s >= guardrails.MinimumMargin - 1e-9, context);
                Assert.True(cover > target || s >= price, context);
                Assert.False(elasticity.IntervalIncludesZero, context);
            }
            else
            {
                Assert.Equal(suggestion.Current, suggestion.Suggested);
            }

            if (elasticity.IntervalIncludesZero)
            {
                Assert.Equal(PriceSuggestionOutcome.IntervalIncludesZero, suggestion.Outcome);
            }

            var currentAllowed = (price - cost) / price >= guardrails.MinimumMargin;
            if (currentAllowed && suggestion.Outcome is PriceSuggestionOutcome.Changed)
            {
                Assert.True(suggestion.Suggested.MarginPerDay >= suggestion.Current.MarginPerDay - 1e-9, context);
            }
        }

        // The loop must reach the guarded branch often enough to mean something (about a third of the cases change the price).
        Assert.InRange(changed, 2_000, 10_000);
    }

    private static ElasticityEstimate Elasticity(double b) =>
        new(b, 0.1, b - 0.16, b + 0.16, 0.9, 1, ElasticitySource.Own, null, "test");
}
