using System.CommandLine;
using System.Text;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Demo;
using EcomOrleans.Models;
using EcomOrleans.Models.Sequence;
using Spectre.Console;

namespace EcomOrleans.LoadGen.Commands;

/// <summary>
/// <c>demo-catalog</c>: writes a sequence model's demo catalog (<see cref="ModelFileNames.DemoCatalog"/>) beside it
/// from the data set it was trained on, and lists the file in its manifest.
/// </summary>
public static class DemoCatalogCommand
{
    public static Command Create(TimeProvider time)
    {
        var model = new Option<DirectoryInfo>("--model")
        {
            Description = "The sequence model's folder.",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("models", ModelKinds.Sequence)),
        };
        var dataset = SharedOptions.Dataset("The data set the model was trained on.");
        dataset.DefaultValueFactory = _ => "beauty";
        var dataDir = SharedOptions.DataDirectory();
        var seed = SharedOptions.Seed();
        var command = new Command("demo-catalog", "Writes a sequence model's demo catalog (demo-catalog.csv) from its data set and lists it in the manifest.")
        {
            model, dataset, dataDir, seed,
        };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(model).FullName, parse.GetRequiredValue(dataset), parse.GetRequiredValue(dataDir), parse.GetValue(seed), time));
        return command;
    }

    private static int Run(string modelDirectory, string dataset, string dataDir, int seed, TimeProvider time)
    {
        var console = CommandConsole.Create(json: false);
        try
        {
            var manifest = ModelManifest.Load(modelDirectory);
            var skus = File.ReadAllLines(manifest.PathOf(modelDirectory, ModelFileRoles.ItemSkus)).Skip(1).ToList();
            var script = ScriptLoader.Load(dataset, dataDir, new ScriptOptions(seed, time.GetUtcNow()), time, console);
            var entries = DemoCatalogBuilder.Build(skus, script.Catalog);

            var path = Path.Combine(modelDirectory, ModelFileNames.DemoCatalog);
            using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                DemoCatalogFile.Write(writer, entries);
            }

            var file = new ModelFile(
                ModelFileRoles.DemoCatalog, ModelFileNames.DemoCatalog, "UTF-8 CSV: " + DemoCatalogFile.Header, [entries.Count],
                $"catalog facts for the SKUs of the model, loaded by an engine on the in-memory default (Demo:SeedCatalog); written by LoadGen demo-catalog --dataset {dataset} --seed {seed}");
            manifest = manifest with { Files = [.. manifest.Files.Where(f => f.Role != ModelFileRoles.DemoCatalog), file] };
            manifest.Save(modelDirectory);
            console.MarkupLineInterpolated($"Wrote {entries.Count:N0} SKUs to {path} ({new FileInfo(path).Length / 1024:N0} KiB); listed in {ModelManifest.FileName}.");
            return ReplayCommand.Succeeded;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or ModelContractException)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return ReplayCommand.CannotRun;
        }
    }
}
