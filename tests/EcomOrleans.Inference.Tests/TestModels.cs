using EcomOrleans.Inference.Hosting;
using EcomOrleans.Inference.Models;
using EcomOrleans.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Inference.Tests;

/// <summary>The fixture models and throw-away copies of them that a test may break or change.</summary>
public sealed class TestModels : IDisposable
{
    /// <summary>The committed fixtures: sequence/, intent/, demand/.</summary>
    public static string FixturesPath { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private TestModels(string path) => ModelsPath = path;

    /// <summary>A private models folder holding copies of the fixtures.</summary>
    public string ModelsPath { get; }

    /// <summary>Copies the fixture folders <paramref name="kinds"/> (default all) into a new temporary models folder.</summary>
    public static TestModels Copy(params string[] kinds)
    {
        var path = Path.Combine(Path.GetTempPath(), "ecom-inference-tests", Guid.NewGuid().ToString("n"));
        foreach (var kind in kinds.Length == 0 ? ModelKinds.All : kinds)
        {
            var target = Directory.CreateDirectory(Path.Combine(path, kind)).FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(FixturesPath, kind)))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }

        return new TestModels(path);
    }

    public static ModelRegistry Registry(string modelsPath, Action<InferenceOptions>? configure = null)
    {
        var options = new InferenceOptions { ModelsPath = modelsPath };
        configure?.Invoke(options);
        return new ModelRegistry(Options.Create(options), InferenceModelKinds.All, NullLogger<ModelRegistry>.Instance);
    }

    public string FolderOf(string kind) => Path.Combine(ModelsPath, kind);

    /// <summary>Rewrites one model's manifest.json through <paramref name="edit"/> (text in, text out).</summary>
    public void EditManifest(string kind, Func<string, string> edit)
    {
        var path = Path.Combine(FolderOf(kind), ModelManifest.FileName);
        var before = File.ReadAllText(path);
        var after = edit(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    public void Dispose() => Directory.Delete(ModelsPath, recursive: true);
}
