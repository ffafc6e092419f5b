using EcomOrleans.Inference.Hosting;
using EcomOrleans.Inference.Models;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace EcomOrleans.Inference.Tests.Grains;

/// <summary>A silo whose models folder holds a model that cannot be loaded does not start.</summary>
public sealed class SiloStartupTests : IDisposable
{
    private static readonly AsyncLocal<string?> ModelsPath = new();
    private readonly TestModels _models = TestModels.Copy();

    [Fact]
    public async Task DeployAsync_CorruptModelFile_FailsStartUpNamingTheFile()
    {
        var onnx = Path.Combine(_models.FolderOf("demand"), "model.onnx");
        await File.WriteAllBytesAsync(onnx, [42, 42, 42]);
        ModelsPath.Value = _models.ModelsPath;
        var cluster = new TestClusterBuilder(initialSilosCount: 1).AddSiloBuilderConfigurator<BrokenModels>().Build();

        var error = await Record.ExceptionAsync(cluster.DeployAsync);
        await cluster.DisposeAsync();

        var load = Flatten(error).OfType<ModelLoadException>().FirstOrDefault();
        Assert.NotNull(load);
        Assert.Equal($"Model 'lstm-fixture-m5': model file '{onnx}' could not be loaded by ONNX Runtime (see the inner exception).", load.Message);
    }

    public void Dispose() => _models.Dispose();

    private static IEnumerable<Exception> Flatten(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    private sealed class BrokenModels : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddEcomInference();
            siloBuilder.Services.Configure<InferenceOptions>(o => o.ModelsPath = ModelsPath.Value);
        }
    }
}
