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

    [SkippableTheory]
    [InlineData(64, 1)] // the served width
    [InlineData(64, 10)]
    [InlineData(64, 60)]
    [InlineData(32, 10)]
    [InlineData(128, 25)]
    public void TopIds_QuantizedFirstPass_GivesExactlyTheFullPassAnswer(int dim, int count)
    {
        Skip.IfNot(QuantizedItems.IsSupported(dim), "this CPU has no 8-bit dot product for this width");
        const int items = 3_000;
        var random = new Random((dim * 100) + count);
        var table = new float[(items + 1) * dim];
        for (var id = 1; id <= items; id++)
        {
            var row = table.AsSpan(id * dim, dim);
            switch (id % 10)
            {
                case 0:
                    break; // a zero row
                case 1 when id > 1:
                    table.AsSpan((id - 1) * dim, dim).CopyTo(row); // a duplicate of the row before: an exact tie
                    break;
                default:
                    for (var j = 0; j < dim; j++)
                    {
                        row[j] = (float)(random.NextDouble() - 0.5) * (id % 7 == 0 ? 8 : 0.2f); // mixed magnitudes
                    }

                    row[random.Next(dim)] *= id % 3 == 0 ? 40 : 1; // an outlier that coarsens its row's codes
                    break;
            }
        }

        var quantized = QuantizedItems.TryBuild(table, dim, items);
        Assert.NotNull(quantized);
        for (var trial = 0; trial < 20; trial++)
        {
            var vector = Enumerable.Range(0, dim).Select(_ => (float)(random.NextDouble() - 0.5) * (trial % 2 == 0 ? 1 : 30)).ToArray();
            int[] excluded = [.. Enumerable.Range(0, trial).Select(_ => random.Next(1, items + 1)).Distinct().Order()];

            var exact = CatalogScorer.TopIds(table, null, vector, dim, items, count, excluded);
            var fast = CatalogScorer.TopIds(table, quantized, vector, dim, items, count, excluded);

            Assert.Equal(exact, fast);
            Assert.Equal(count, fast.Length);
            Assert.DoesNotContain(fast, f => excluded.Contains(f.Id));
        }
    }

    [SkippableFact]
    public void QuantizedItems_Bound_CoversTheErrorOfEveryRow()
    {
        const int dim = 64, items = 2_000;
        Skip.IfNot(QuantizedItems.IsSupported(dim), "this CPU has no 8-bit dot product for this width");
        var random = new Random(11);
        var table = Enumerable.Range(0, (items + 1) * dim).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var vector = Enumerable.Range(0, dim).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var (lower, upper, exact) = (new float[items + 1], new float[items + 1], new float[items + 1]);

        Assert.True(QuantizedItems.TryBuild(table, dim, items)!.Score(vector, lower, upper));
        CatalogScorer.ScoreAll(table, vector, dim, items, exact);

        for (var id = 1; id <= items; id++)
        {
            Assert.InRange(exact[id], lower[id], upper[id]);
        }

        // Small against how far scores spread, or the first pass would leave most rows to score in full.
        var mean = exact.Skip(1).Average();
        var spread = Math.Sqrt(exact.Skip(1).Average(x => (x - mean) * (x - mean)));
        var widest = Enumerable.Range(1, items).Max(id => (upper[id] - lower[id]) / 2);
        Assert.True(widest < 0.15 * spread, $"the widest bound {widest} against a spread of {spread}");
    }

    [SkippableFact]
    public void QuantizedItems_ZeroOrNonFiniteVector_IsLeftToTheFullPass()
    {
        const int dim = 64;
        Skip.IfNot(QuantizedItems.IsSupported(dim), "this CPU has no 8-bit dot product for this width");
        var quantized = QuantizedItems.TryBuild(new float[11 * dim], dim, 10)!;
        var (lower, upper) = (new float[11], new float[11]);

        Assert.False(quantized.Score(new float[dim], lower, upper));
        Assert.False(quantized.Score([float.NaN, .. new float[dim - 1]], lower, upper));
        Assert.Null(QuantizedItems.TryBuild([.. new float[dim], float.PositiveInfinity, .. new float[dim - 1]], dim, 1));
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
