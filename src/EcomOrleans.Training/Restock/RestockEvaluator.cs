using EcomOrleans.Merchandising.Restock;

namespace EcomOrleans.Training.Restock;

/// <summary>Runs a <see cref="RestockBacktest"/> for the fixed rule, the default policy, the matching service level and the curve.</summary>
internal static class RestockEvaluator
{
    /// <summary>The policy's default target service level (<see cref="RestockSettings.ServiceLevel"/>).</summary>
    public const double DefaultServiceLevel = 0.95;

    /// <summary>Service levels drawn as the policy's fill-rate/inventory curve.</summary>
    public static readonly double[] CurveLevels = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.925, 0.95, 0.97, 0.98, 0.99];

    /// <summary>Most policy runs after the default: the search's two ends and its steps, and the curve.</summary>
    public static int FurtherRuns => 2 + ServiceLevelSearch.Steps + CurveLevels.Length;

    /// <param name="seriesDone">Called after each series of the default run, which makes (and caches) every review's forecast.</param>
    /// <param name="runDone">Called after each further policy run (at most <see cref="FurtherRuns"/>).</param>
    public static RestockEvaluation Evaluate(RestockBacktest backtest, Action? seriesDone = null, Action? runDone = null)
    {
        var runs = new Dictionary<double, RestockRun> { [DefaultServiceLevel] = backtest.Policy(DefaultServiceLevel, seriesDone) };
        RestockRun Policy(double level)
        {
            if (!runs.TryGetValue(level, out var run))
            {
                runs[level] = run = backtest.Policy(level);
            }

            runDone?.Invoke();
            return run;
        }

        var fixedRule = backtest.Fixed();
        var (matched, reached) = ServiceLevelSearch.Match(level => Policy(level).Total.FillRate, fixedRule.Total.FillRate);
        var curve = CurveLevels.Select(Policy).ToArray();
        return new RestockEvaluation(fixedRule, runs[DefaultServiceLevel], runs[matched], reached, curve);
    }
}
