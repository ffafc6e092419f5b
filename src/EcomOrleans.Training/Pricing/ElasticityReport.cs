using System.Text.Json.Nodes;

namespace EcomOrleans.Training.Pricing;

/// <summary>What <c>evaluate elasticity</c> prints.</summary>
internal sealed record ElasticityReport(IReadOnlyList<CoefficientRow> Coefficients, IReadOnlyList<ShrinkageRow> Shrinkage, IReadOnlyList<HoldOutRow> HoldOut, int Rows, int Seed)
{
    public JsonObject ToJson() => new()
    {
        ["rows"] = Rows,
        ["seed"] = Seed,
        ["coefficients"] = new JsonArray([.. Coefficients.Select(c => (JsonNode)new JsonObject
        {
            ["section"] = c.Section, ["model"] = c.Model, ["brand"] = c.Brand, ["elasticity"] = Round(c.Elasticity), ["se"] = Round(c.StandardError),
            ["lower"] = Round(c.Lower), ["upper"] = Round(c.Upper), ["n"] = c.Observations,
        })]),
        ["shrinkage"] = new JsonArray([.. Shrinkage.Select(s => (JsonNode)new JsonObject
        {
            ["brand"] = s.Brand, ["sampleSize"] = s.SampleSize, ["repetitions"] = s.Repetitions, ["fullElasticity"] = Round(s.FullElasticity),
            ["ownRmse"] = Round(s.OwnRmse), ["shrunkRmse"] = Round(s.ShrunkRmse), ["meanOwnWeight"] = Round(s.MeanOwnWeight),
            ["ownCoverage"] = Round(s.OwnCoverage), ["shrunkCoverage"] = Round(s.ShrunkCoverage),
        })]),
        ["holdOut"] = new JsonArray([.. HoldOut.Select(h => (JsonNode)new JsonObject
        {
            ["brand"] = h.Brand, ["heldOutPrices"] = h.HeldOutPrices, ["heldOutRows"] = h.HeldOutRows,
            ["pooledRmse"] = Round(h.PooledRmse), ["ownRmse"] = Round(h.OwnRmse), ["shrunkRmse"] = Round(h.ShrunkRmse),
        })]),
    };

    private static double Round(double value) => Math.Round(value, 4);
}
