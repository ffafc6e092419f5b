namespace EcomOrleans.Merchandising.Pricing;

/// <summary>A suggested price beside the current one.</summary>
/// <param name="Outcome">Whether a new price is suggested, and if not, why not.</param>
/// <param name="Current">The current price and what it is expected to earn.</param>
/// <param name="Suggested">The suggested price (in cents) and what it is expected to earn; equal to <paramref name="Current"/> when nothing changes.</param>
/// <param name="BindingGuardrail">The guardrail that set the price, or <see cref="PriceGuardrail.None"/>.</param>
/// <param name="Reason">One line for a merchandiser.</param>
public sealed record PriceSuggestion(PriceSuggestionOutcome Outcome, PriceOutcome Current, PriceOutcome Suggested, PriceGuardrail BindingGuardrail, string Reason)
{
    /// <summary>Whether a new price is suggested.</summary>
    public bool Changed => Outcome == PriceSuggestionOutcome.Changed;
}
