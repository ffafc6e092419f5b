namespace EcomOrleans.Training.Pricing;

/// <summary>
/// How close thin-data estimates of a brand's elasticity come to its full-data estimate, own OLS against shrunk toward a
/// category prior computed from the same thin samples of all brands.
/// </summary>
/// <param name="Brand">The brand.</param>
/// <param name="SampleSize">Store-weeks drawn (without replacement) per brand per repetition.</param>
/// <param name="Repetitions">Repetitions that could be fitted.</param>
/// <param name="FullElasticity">The estimator's elasticity on all of the brand's rows: the target.</param>
/// <param name="OwnRmse">Root mean squared error of the own OLS elasticity against the target.</param>
/// <param name="ShrunkRmse">The same for the shrunk elasticity.</param>
/// <param name="MeanOwnWeight">The mean weight w of the own estimate in the shrunk one.</param>
/// <param name="OwnCoverage">Share of repetitions whose own t interval contains the target.</param>
/// <param name="ShrunkCoverage">Share whose shrunk interval contains it.</param>
internal sealed record ShrinkageRow(
    string Brand, int SampleSize, int Repetitions, double FullElasticity, double OwnRmse, double ShrunkRmse, double MeanOwnWeight, double OwnCoverage, double ShrunkCoverage);
