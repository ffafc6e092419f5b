using EcomOrleans.Skus;

namespace EcomOrleans.Grains.Skus;

/// <summary>Running sums of a SKU's forecast errors, as persisted; <see cref="ToAccuracy"/> gives the wire record.</summary>
[GenerateSerializer, Alias("ecom.ForecastErrorState")]
public sealed class ForecastErrorState
{
    [Id(0)] public int Days { get; set; }

    [Id(1)] public double AbsoluteError { get; set; }

    /// <summary>Sum of (forecast - actual).</summary>
    [Id(2)] public double Error { get; set; }

    [Id(3)] public double Actual { get; set; }

    [Id(4)] public int CoveredByP90 { get; set; }

    public void Add(ForecastedDay day)
    {
        Days++;
        AbsoluteError += Math.Abs(day.Actual - day.Mean);
        Error += day.Mean - day.Actual;
        Actual += day.Actual;
        CoveredByP90 += day.Actual <= day.P90 ? 1 : 0;
    }

    public ForecastAccuracy ToAccuracy() => Days == 0
        ? new ForecastAccuracy(0, null, null, null, null)
        : new ForecastAccuracy(Days, Math.Round(AbsoluteError / Days, 4), Math.Round(Error / Days, 4),
            Actual > 0 ? Math.Round(AbsoluteError / Actual, 4) : null, Math.Round((double)CoveredByP90 / Days, 4));
}
