namespace EcomOrleans.Skus;

/// <summary>A SKU's price decision: the elasticity behind it, the price suggested inside the guardrails, and what each price is expected to earn.</summary>
/// <param name="SuggestionId">What <c>POST /api/skus/{sku}/price</c> accepts; null when no new price is suggested.</param>
/// <param name="Outcome"><c>changed</c>, <c>already_optimal</c>, <c>no_allowed_move</c>, <c>interval_includes_zero</c>, <c>elasticity_not_negative</c>, <c>no_demand</c> or <c>no_elasticity</c>.</param>
/// <param name="Elasticity">The elasticity used, or null when there is none (no price variation and no category prior).</param>
/// <param name="BindingGuardrail"><c>none</c>, <c>max_increase</c>, <c>max_decrease</c>, <c>minimum_margin</c> or <c>no_markdown_at_cover</c>.</param>
/// <param name="Current">Expected units, revenue and margin a day at the current price.</param>
/// <param name="Suggested">The same at the suggested price (equal to <paramref name="Current"/> when nothing changes).</param>
/// <param name="Reason">One line a merchandiser reads.</param>
[GenerateSerializer, Immutable, Alias("ecom.PriceAdvice")]
public sealed record PriceAdvice(
    [property: Id(0)] string? SuggestionId,
    [property: Id(1)] string Outcome,
    [property: Id(2)] ElasticityView? Elasticity,
    [property: Id(3)] string BindingGuardrail,
    [property: Id(4)] PricePoint Current,
    [property: Id(5)] PricePoint Suggested,
    [property: Id(6)] PriceLimits Guardrails,
    [property: Id(7)] string Reason);
