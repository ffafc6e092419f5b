namespace EcomOrleans.Training.Pricing;

/// <summary>Error of predicted log units on rows at price levels held out of the fit.</summary>
/// <param name="Brand">The brand, or "all".</param>
/// <param name="HeldOutPrices">Distinct price levels held out.</param>
/// <param name="HeldOutRows">Rows at those prices.</param>
/// <param name="PooledRmse">RMSE of log units for the pooled model (brand intercepts, one price slope, one feature effect).</param>
/// <param name="OwnRmse">RMSE for the estimator's per-brand own fits (intercept, slope and feature effect per brand).</param>
/// <param name="ShrunkRmse">RMSE for the per-brand fits with the slope shrunk toward the three brands' prior.</param>
internal sealed record HoldOutRow(string Brand, int HeldOutPrices, int HeldOutRows, double PooledRmse, double OwnRmse, double ShrunkRmse);
