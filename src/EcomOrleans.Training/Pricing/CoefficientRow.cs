namespace EcomOrleans.Training.Pricing;

/// <summary>One elasticity the evaluation printed, with its 90 % interval.</summary>
/// <param name="Section">Which part of the evaluation: pooled, per-brand, feature, estimator.</param>
/// <param name="Model">The regression, in words.</param>
/// <param name="Brand">The brand the slope belongs to, or "all" for a pooled slope.</param>
/// <param name="Elasticity">The price slope of log units.</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="Lower">Lower end of the interval.</param>
/// <param name="Upper">Upper end of the interval.</param>
/// <param name="Observations">Rows fitted.</param>
internal sealed record CoefficientRow(string Section, string Model, string Brand, double Elasticity, double StandardError, double Lower, double Upper, int Observations);
