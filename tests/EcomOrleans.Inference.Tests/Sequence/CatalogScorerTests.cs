using EcomOrleans.Inference.Models;
using EcomOrleans.Inference.Sequence;
using EcomOrleans.Models;

namespace EcomOrleans.Inference.Tests.Sequence;

public sealed class CatalogScorerTests : IDisposable
{
    private readonly TestModels _models = TestModels.Copy(ModelKinds.Sequence);
    private readonly ModelRegistry _registry;
    private readonly ModelLease<SequenceModel> _lease;

    public CatalogScorerTests()
    {
        _registry = TestModels.Registry(_models.ModelsPath);
        _registry.LoadAll();
        _lease = _registry.Acquire<SequenceModel>(ModelKinds.Sequence);
    }

    private SequenceModel Model => _lease.Model;

    [Fact]
    public void Top_AnyVector_MatchesAFullSortOfNaiveDotProductsWithoutExcludedItems()
    {
        var vector = SequenceEncoder.Encode(Model, [["fixture-3", "fixture-4", "fixture-9"]])[0].Vector;
        string[] exclude = ["fixture-4", "fixture-9", "not-a-sku"];

        var top = CatalogScorer.Top(Model, vector, 5, exclude);

        var expected = Enumerable.Range(1, Model.ItemCount)
            .Where(id => !exclude.Contains(Model.Skus[id]))
            .Select(id => (Sku: Model.Skus[id], Score: Naive(id, vector)))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Sku.Length).ThenBy(s => s.Sku, StringComparer.Ordinal)
            .Take(5).ToArray();
        Assert.Equal(expected.Select(e => e.Sku), top.Select(t => t.Sku));
        Assert.All(top.Zip(expected), p => Assert.Equal(p.Second.Score, p.First.Score, 1e-5f));
    }

    [Fact]
    public void Top_MoreExclusionsThanTheStackHolds_LeavesThemOutToo()
    {
        var vector = SequenceEncoder.Encode(Model, [["fixture-3", "fixture-4", "fixture-9"]])[0].Vector;
        var best = CatalogScorer.Top(Model, vector, 8, []);
        // The best three and 300 SKUs the model does not know: past the 256 ids kept on the stack.
        string[] exclude = [.. best.Take(3).Select(t => t.Sku), .. Enumerable.Range(0, 300).Select(i => $"unknown-{i}")];

        var top = CatalogScorer.Top(Model, vector, 5, exclude);

        Assert.Equal(best.Skip(3).Select(t => t.Sku), top.Select(t => t.Sku));
    }

    [Theory]
    [InlineData(64)] // the served model: whole hardware vectors, scored inline
    [InlineData(8)]
    [InlineData(10)] // not a whole number of vectors: TensorPrimitives.Dot per row
    [InlineData(256)] // wider than the inline limit on AVX2
    public void ScoreAll_AnyWidth_MatchesADotProductPerRow(int dim)
    {
        const int items = 300;
        var random = new Random(dim);
        var table = Enumerable.Range(0, (items + 1) * dim).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var vector = Enumerable.Range(0, dim).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var scores = new float[items + 1];

        CatalogScorer.ScoreAll(table, vector, dim, items, scores);

        for (var id = 1; id <= items; id++)
        {
            Assert.Equal(System.Numerics.Tensors.TensorPrimitives.Dot(table.AsSpan(id * dim, dim), vector), scores[id], 1e-4f);
        }
    }

    [Fact]
    public void Top_CountBeyondTheCatalog_ReturnsEveryItemBestFirst()
    {
        var vector = Enumerable.Range(0, 8).Select(i => (float)i).ToArray();

        var top = CatalogScorer.Top(Model, vector, int.MaxValue, []);

        Assert.Equal(24, top.Length);
        Assert.Equal(top.OrderByDescending(t => t.Score).Select(t => t.Sku), top.Select(t => t.Sku));
        Assert.DoesNotContain(top, t => t.Sku.Length == 0);
    }

    [Fact]
    public void Score_GivenSkus_ScoresKnownOnesBestFirstAndLeavesOutUnknown()
    {
        var vector = Enumerable.Repeat(0.5f, 8).ToArray();

        var scored = CatalogScorer.Score(Model, vector, ["fixture-1", "nope", "fixture-2", "fixture-24"]);

        Assert.Equal(["fixture-1", "fixture-2", "fixture-24"], scored.Select(s => s.Sku).Order(StringComparer.Ordinal));
        Assert.Equal(scored.OrderByDescending(s => s.Score).Select(s => s.Sku), scored.Select(s => s.Sku));
        Assert.Equal(Naive(24, vector), scored.Single(s => s.Sku == "fixture-24").Score, 1e-5f);
    }

    [Fact]
    public void Top_VectorOfTheWrongLength_FailsNamingBothLengths()
    {
        var error = Assert.Throws<ArgumentException>(() => CatalogScorer.Top(Model, new float[3], 5, []));

        Assert.Equal("The vector has 3 values but version 1 of the sequence model embeds in 8. (Parameter 'vector')", error.Message);
    }

    public void Dispose()
    {
        _lease.Dispose();
        _registry.Dispose();
        _models.Dispose();
    }

    private float Naive(int id, float[] vector) =>
        Enumerable.Range(0, Model.Dim).Sum(d => Model.ItemTable[(id * Model.Dim) + d] * vector[d]);
}
