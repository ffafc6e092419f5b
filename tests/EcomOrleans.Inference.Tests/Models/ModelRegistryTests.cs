using EcomOrleans.Inference.Demand;
using EcomOrleans.Inference.Models;
using EcomOrleans.Inference.Sequence;
using EcomOrleans.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace EcomOrleans.Inference.Tests.Models;

public sealed class ModelRegistryTests : IDisposable
{
    private readonly TestModels _models = TestModels.Copy();

    [Fact]
    public void LoadAll_FixtureModels_LoadsOnePerKindWithItsManifestVersion()
    {
        using var registry = TestModels.Registry(_models.ModelsPath);

        registry.LoadAll();

        Assert.Equal(new Dictionary<string, string> { ["demand"] = "1", ["intent"] = "1", ["sequence"] = "1" }, registry.Versions);
        using var lease = registry.Acquire<SequenceModel>(ModelKinds.Sequence);
        Assert.Equal((8, 24, 50), (lease.Model.Dim, lease.Model.ItemCount, lease.Model.MaxLength));
        Assert.Equal("fixture-7", lease.Model.Skus[7]);
    }

    [Fact]
    public void LoadAll_NoModelsFolder_LoadsNothingAndAcquireSaysTheModelIsNotLoaded()
    {
        using var registry = TestModels.Registry(Path.Combine(_models.ModelsPath, "missing"));

        registry.LoadAll();

        Assert.Empty(registry.Versions);
        var error = Assert.Throws<ModelNotLoadedException>(() => registry.Acquire<SequenceModel>(ModelKinds.Sequence));
        Assert.Equal("Model 'sequence' is not loaded.", error.Message);
    }

    [Fact]
    public void LoadAll_FolderWithoutManifest_IsSkipped()
    {
        File.Delete(Path.Combine(_models.FolderOf("intent"), ModelManifest.FileName));
        using var registry = TestModels.Registry(_models.ModelsPath);

        registry.LoadAll();

        Assert.Equal(["demand", "sequence"], registry.Versions.Keys.Order());
    }

    [Fact]
    public void LoadAll_CorruptModelFile_FailsNamingTheFile()
    {
        var onnx = Path.Combine(_models.FolderOf("sequence"), "model.onnx");
        File.WriteAllBytes(onnx, [1, 2, 3, 4, 5, 6, 7, 8]);
        using var registry = TestModels.Registry(_models.ModelsPath);

        var error = Assert.Throws<ModelLoadException>(registry.LoadAll);

        Assert.Equal($"Model 'sasrec-fixture-seq': model file '{onnx}' could not be loaded by ONNX Runtime (see the inner exception).", error.Message);
        Assert.IsType<OnnxRuntimeException>(error.InnerException);
    }

    [Fact]
    public void LoadAll_MissingModelFile_FailsNamingTheFile()
    {
        var onnx = Path.Combine(_models.FolderOf("intent"), "model.onnx");
        File.Delete(onnx);
        using var registry = TestModels.Registry(_models.ModelsPath);

        var error = Assert.Throws<ModelLoadException>(registry.LoadAll);

        Assert.Equal($"Model 'intent-fixture-intents': model file '{onnx}' does not exist.", error.Message);
    }

    [Fact]
    public void LoadAll_ManifestElementTypeDisagrees_FailsNamingModelAndTensor()
    {
        _models.EditManifest("sequence", json => json.Replace("\"elementType\": \"int64\"", "\"elementType\": \"float32\"", StringComparison.Ordinal));
        using var registry = TestModels.Registry(_models.ModelsPath);

        var error = Assert.Throws<ModelLoadException>(registry.LoadAll);

        var onnx = Path.Combine(_models.FolderOf("sequence"), "model.onnx");
        Assert.Equal($"Model 'sasrec-fixture-seq': input 'item_ids' is int64 in {onnx} but float32 in the manifest.", error.Message);
    }

    [Fact]
    public void LoadAll_ManifestShapeDisagrees_FailsNamingModelAndTensor()
    {
        _models.EditManifest("sequence", json => json.Replace("\"batch\",\n        8\n", "\"batch\",\n        16\n", StringComparison.Ordinal));
        using var registry = TestModels.Registry(_models.ModelsPath);

        var error = Assert.Throws<ModelLoadException>(registry.LoadAll);

        var onnx = Path.Combine(_models.FolderOf("sequence"), "model.onnx");
        Assert.Equal($"Model 'sasrec-fixture-seq': output 'user_embedding' has shape [batch, 8] in {onnx} but [batch, 16] in the manifest.", error.Message);
    }

    [Fact]
    public void LoadAll_ManifestNamesAnUnknownTensor_FailsListingTheModelsTensors()
    {
        _models.EditManifest("intent", json => json.Replace("\"name\": \"attention_mask\"", "\"name\": \"mask\"", StringComparison.Ordinal));
        using var registry = TestModels.Registry(_models.ModelsPath);

        var error = Assert.Throws<ModelLoadException>(registry.LoadAll);

        var onnx = Path.Combine(_models.FolderOf("intent"), "model.onnx");
        Assert.Equal($"Model 'intent-fixture-intents': the manifest's input 'mask' is not an input of {onnx} (its inputs: input_ids, attention_mask).", error.Message);
    }

    [Fact]
    public void LoadAll_DemandFeatureThisServerCannotCompute_FailsNamingTheFeature()
    {
        _models.EditManifest("demand", json => json.Replace("\"name\": \"dow_cos\"", "\"name\": \"temperature\"", StringComparison.Ordinal));
        using var registry = TestModels.Registry(_models.ModelsPath);

        var error = Assert.Throws<ModelLoadException>(registry.LoadAll);

        Assert.Equal(
            "Model 'lstm-fixture-m5': details.features names demand features this server cannot compute: temperature. " +
            "It computes: scaled_units, price_ratio, dow_sin, dow_cos, month_sin, month_cos, event_day, log_scale, days_since_sale, dom_sin, dom_cos.",
            error.Message);
    }

    [Fact]
    public void LoadAll_DemandFeaturesWrittenAsProse_FailsNamingThemAsUnknown()
    {
        // The shape before stable names: features were their prose descriptions.
        _models.EditManifest("demand", json => json.Replace("{\n        \"name\": \"scaled_units\",\n        \"description\": \"units / scale\"\n      }", "\"units / scale\"", StringComparison.Ordinal));
        using var registry = TestModels.Registry(_models.ModelsPath);

        var error = Assert.Throws<ModelLoadException>(registry.LoadAll);

        Assert.StartsWith("Model 'lstm-fixture-m5': details.features names demand features this server cannot compute: units / scale. It computes: scaled_units, ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_KindWithoutItsPlugin_FailsListingTheKindsThisRegistryServes()
    {
        using var registry = new ModelRegistry(
            Options.Create(new InferenceOptions { ModelsPath = _models.ModelsPath }), [SequenceModel.Kind, DemandModel.Kind], NullLogger<ModelRegistry>.Instance);

        var error = Assert.Throws<ModelLoadException>(registry.LoadAll);

        var manifest = Path.Combine(_models.FolderOf("intent"), ModelManifest.FileName);
        Assert.Equal($"Model 'intent-fixture-intents' ({manifest}) has kind 'intent'; this server serves sequence, demand.", error.Message);
    }

    [Fact]
    public void Constructor_OneKindTwice_FailsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new ModelRegistry(
            Options.Create(new InferenceOptions()), [SequenceModel.Kind, SequenceModel.Kind], NullLogger<ModelRegistry>.Instance));

        Assert.StartsWith("Model kind 'sequence' is registered 2 times; register each kind once.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_ItemTableOfTheWrongSize_FailsNamingTheFile()
    {
        var table = Path.Combine(_models.FolderOf("sequence"), "item_embeddings.f32");
        File.WriteAllBytes(table, new byte[96]);
        using var registry = TestModels.Registry(_models.ModelsPath);

        var error = Assert.Throws<ModelLoadException>(registry.LoadAll);

        Assert.Equal($"Model file '{table}' has 96 bytes; 25 x 8 float32 values need 800.", error.Message);
    }

    [SkippableFact]
    public void LoadAll_CudaOnTheCpuBuild_FailsSayingHowToGetIt()
    {
        Skip.If(OrtEnv.Instance().GetAvailableProviders().Contains("CUDAExecutionProvider"), "the GPU build has the CUDA provider; the test after this one covers it");
        using var registry = TestModels.Registry(_models.ModelsPath, o => o.ExecutionProvider = ExecutionProvider.Cuda);

        var error = Assert.Throws<ModelLoadException>(registry.LoadAll);

        var available = string.Join(", ", OrtEnv.Instance().GetAvailableProviders());
        Assert.Equal(
            $"Inference:ExecutionProvider is Cuda, but this ONNX Runtime build has no CUDA execution provider (it has {available}). " +
            "Build with -p:EcomInferenceGpu=true to reference Microsoft.ML.OnnxRuntime.Gpu, on a machine with CUDA, or set Inference:ExecutionProvider to Cpu.",
            error.Message);
        Assert.DoesNotContain("CUDA", available, StringComparison.Ordinal);
    }

    /// <summary>Runs in the GPU build (<c>.ci/gpu-build</c>) on a machine with no NVIDIA GPU, which CI is.</summary>
    [SkippableFact]
    public void LoadAll_CudaInTheGpuBuildOnAMachineWithoutCuda_FailsSayingWhatIsMissing()
    {
        Skip.IfNot(OrtEnv.Instance().GetAvailableProviders().Contains("CUDAExecutionProvider"), "the CPU build has no CUDA provider; .ci/gpu-build runs this in the GPU build");
        Skip.If(File.Exists("/dev/nvidiactl"), "this machine has an NVIDIA GPU");
        using var registry = TestModels.Registry(_models.ModelsPath, o => o.ExecutionProvider = ExecutionProvider.Cuda);

        var error = Assert.Throws<ModelLoadException>(registry.LoadAll);

        Assert.StartsWith("Inference:ExecutionProvider is Cuda, but CUDA could not be started on this machine (", error.Message);
        Assert.EndsWith("). The GPU build (ONNX Runtime 1.31) needs an NVIDIA GPU with its driver, CUDA 13 and cuDNN 9; or set Inference:ExecutionProvider to Cpu.", error.Message);
        Assert.IsType<OnnxRuntimeException>(error.InnerException);
    }

    [Fact]
    public async Task SwapAsync_NewVersion_NewLeasesGetItAndTheOldOneDrainsBeforeDisposal()
    {
        using var registry = TestModels.Registry(_models.ModelsPath);
        registry.LoadAll();
        var held = registry.Acquire<SequenceModel>(ModelKinds.Sequence);
        _models.EditManifest("sequence", json => json.Replace("\"version\": \"1\"", "\"version\": \"2\"", StringComparison.Ordinal));

        var swap = registry.SwapAsync(_models.FolderOf("sequence"));

        // The swap waits for the running lease of version 1; new leases already get version 2.
        using (var fresh = registry.Acquire<SequenceModel>(ModelKinds.Sequence))
        {
            Assert.Equal(("1", "2"), (held.Model.Version, fresh.Model.Version));
        }

        Assert.False(swap.IsCompleted);
        var old = SequenceEncoder.Encode(held.Model, [["fixture-1", "fixture-2"]]);
        held.Dispose();
        await swap;
        Assert.Equal(8, old[0].Vector.Length);
        Assert.True(held.Model.Drained.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task SwapAsync_BrokenNewVersion_KeepsServingTheOldOne()
    {
        using var registry = TestModels.Registry(_models.ModelsPath);
        registry.LoadAll();
        File.WriteAllBytes(Path.Combine(_models.FolderOf("sequence"), "model.onnx"), [0, 1, 2]);

        await Assert.ThrowsAsync<ModelLoadException>(() => registry.SwapAsync(_models.FolderOf("sequence")));

        using var lease = registry.Acquire<SequenceModel>(ModelKinds.Sequence);
        Assert.Equal(8, SequenceEncoder.Encode(lease.Model, [["fixture-3"]])[0].Vector.Length);
    }

    public void Dispose() => _models.Dispose();
}
