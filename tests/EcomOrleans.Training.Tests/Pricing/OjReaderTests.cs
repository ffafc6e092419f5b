using EcomOrleans.Training.Pricing;

namespace EcomOrleans.Training.Tests.Pricing;

public sealed class OjReaderTests
{
    [Fact]
    public void Load_NoFeatColumn_ThrowsNamingTheColumn()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "No,sales,price,brand\n1,8256,3.87,tropicana\n");

            var error = Assert.Throws<InvalidDataException>(() => OjReader.Load(path));

            Assert.Equal($"{path} has no 'feat' column (its header is 'No,sales,price,brand').", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The pooled and per-brand slopes Taddy publishes for this file (Business Data Science, ch. 2: −3.14; −3.38
    /// Dominick's, −3.32 Minute Maid, −2.71 Tropicana), from the evaluation's own least squares.
    /// </summary>
    [SkippableFact]
    public void Evaluate_OjData_ReproducesTaddysElasticities()
    {
        var rows = OjReader.Load(TestPaths.RequireData("oj/oj.csv"));

        var report = ElasticityEvaluation.Evaluate(rows, seed: 42, repetitions: 10);

        Assert.Equal(28_947, rows.Count);
        Assert.Equal(-3.14, report.Coefficients.Single(c => c.Section == "pooled").Elasticity, 2);
        Assert.Equal([-3.38, -3.32, -2.71], report.Coefficients.Where(c => c.Section == "per brand").Select(c => Math.Round(c.Elasticity, 2)));
    }
}
