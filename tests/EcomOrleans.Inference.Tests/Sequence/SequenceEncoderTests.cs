using EcomOrleans.Inference.Batching;
using EcomOrleans.Inference.Models;
using EcomOrleans.Inference.Sequence;
using EcomOrleans.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Inference.Tests.Sequence;

public sealed class SequenceEncoderTests : IDisposable
{
    // Batched and batch-1 runs may sum in a different order inside ONNX Runtime's kernels.
    private const float Tolerance = 1e-5f;

    private readonly TestModels _models = TestModels.Copy(ModelKinds.Sequence);
    private readonly ModelRegistry _registry;

    public SequenceEncoderTests()
    {
        _registry = TestModels.Registry(_models.ModelsPath);
        _registry.LoadAll();
    }

    [Fact]
    public async Task EmbedAsync_ManyConcurrentCallers_EachGetsTheEmbeddingOfItsOwnSequence()
    {
        using var encoder = Encoder(new BatcherOptions { MaxBatchSize = 16, ConcurrentBatches = 2 });
        var sequences = Enumerable.Range(0, 64).Select(Sequence).ToArray();

        var tasks = new Task<SequenceEmbedding>[sequences.Length];
        Parallel.For(0, sequences.Length, i => tasks[i] = encoder.EmbedAsync(sequences[i], InferencePriority.Storefront));
        var batched = await Task.WhenAll(tasks);

        using var lease = _registry.Acquire<SequenceModel>(ModelKinds.Sequence);
        for (var i = 0; i < sequences.Length; i++)
        {
            var alone = SequenceEncoder.Encode(lease.Model, [sequences[i]])[0];
            Assert.Equal(alone.KnownItems, batched[i].KnownItems);
            Assert.Equal(alone.Vector.Length, batched[i].Vector.Length);
            for (var d = 0; d < alone.Vector.Length; d++)
            {
                Assert.Equal(alone.Vector[d], batched[i].Vector[d], Tolerance);
            }
        }

        // Different sequences give different embeddings: a mix-up between callers would show.
        Assert.Equal(sequences.Select(s => string.Join(' ', s)).Distinct().Count(), batched.Select(b => string.Join(' ', b.Vector)).Distinct().Count());
    }

    [Fact]
    public void Encode_UnknownSkusAndLongHistory_SkipsUnknownAndReadsTheLastFiftyKnown()
    {
        using var lease = _registry.Acquire<SequenceModel>(ModelKinds.Sequence);
        var history = Enumerable.Range(0, 80).Select(i => i % 4 == 0 ? $"unknown-{i}" : $"fixture-{(i % 24) + 1}").ToArray();

        var full = SequenceEncoder.Encode(lease.Model, [history])[0];
        var lastFifty = SequenceEncoder.Encode(lease.Model, [history.Where(s => !s.StartsWith("unknown", StringComparison.Ordinal)).TakeLast(50).ToArray()])[0];

        Assert.Equal(60, full.KnownItems);
        Assert.Equal(50, lastFifty.KnownItems);
        Assert.Equal(lastFifty.Vector, full.Vector);
    }

    [Fact]
    public async Task EmbedAsync_NoKnownSku_ReturnsAZeroVectorWithoutARun()
    {
        using var encoder = Encoder(new BatcherOptions());

        var embedding = await encoder.EmbedAsync(["unknown-1", "unknown-2"], InferencePriority.Bot);

        Assert.Equal(new float[8], embedding.Vector);
        Assert.Equal(("1", 0), (embedding.ModelVersion, embedding.KnownItems));
    }

    [Fact]
    public async Task EmbedAsync_ModelSwappedUnderLoad_LosesNoRequest()
    {
        using var encoder = Encoder(new BatcherOptions { MaxBatchSize = 8, ConcurrentBatches = 2 });
        var swapped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var warmed = Enumerable.Range(0, 8).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();

        async Task<List<string>> CallerAsync(int caller)
        {
            var versions = new List<string>();
            var afterSwap = 0;
            for (var i = 0; afterSwap < 20; i++)
            {
                var embedding = await encoder.EmbedAsync(Sequence(caller + i), InferencePriority.Storefront);
                versions.Add(embedding.ModelVersion);
                afterSwap += swapped.Task.IsCompleted ? 1 : 0;
                if (i == 5)
                {
                    warmed[caller].TrySetResult();
                }
            }

            return versions;
        }

        var callers = Enumerable.Range(0, 8).Select(c => Task.Run(() => CallerAsync(c))).ToArray();
        await Task.WhenAll(warmed.Select(w => w.Task));
        _models.EditManifest("sequence", json => json.Replace("\"version\": \"1\"", "\"version\": \"2\"", StringComparison.Ordinal));
        SequenceModel old;
        using (var lease = _registry.Acquire<SequenceModel>(ModelKinds.Sequence))
        {
            old = lease.Model;
        }

        await _registry.SwapAsync(_models.FolderOf("sequence"));
        swapped.TrySetResult();
        var versions = await Task.WhenAll(callers);

        // Every request answered (none failed), the old version drained and was disposed, and each
        // caller moved from version 1 to version 2 exactly once.
        Assert.True(old.Drained.IsCompletedSuccessfully);
        Assert.All(versions, v => Assert.Equal(["1", "2"], v.Distinct()));
        Assert.All(versions, v => Assert.All(v.SkipWhile(version => version == "1"), version => Assert.Equal("2", version)));
    }

    public void Dispose()
    {
        _registry.Dispose();
        _models.Dispose();
    }

    /// <summary>A distinct sequence of 3 to 12 known SKUs per index.</summary>
    internal static string[] Sequence(int index) =>
        [.. Enumerable.Range(0, 3 + (index % 10)).Select(t => $"fixture-{((index * 7) + (t * (1 + (index % 5)))) % 24 + 1}")];

    private SequenceEncoder Encoder(BatcherOptions options) =>
        new(_registry, Options.Create(new InferenceOptions { Sequence = options }), TimeProvider.System, NullLogger<SequenceEncoder>.Instance);
}
