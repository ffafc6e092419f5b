using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using TorchSharp;

namespace EcomOrleans.Training.Cli;

/// <summary>Options shared by the train and evaluate commands, made fresh for each command.</summary>
internal static class CliOptions
{
    public static Option<FileInfo> Data(string description) =>
        new Option<FileInfo>("--data") { Description = description, Required = true }.AcceptExistingOnly();

    public static Option<DirectoryInfo> Out(string kind) =>
        new("--out") { Description = "Folder the model is written to.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("models", kind)) };

    public static Option<DirectoryInfo> Model(string kind) =>
        new Option<DirectoryInfo>("--model") { Description = "Model folder (model.onnx + manifest.json).", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("models", kind)) }
            .AcceptExistingOnly();

    public static Option<int> Seed() => new("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 42 };

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object instead of a table." };

    public static Option<string> Version() => new("--version-tag") { Description = "Model version written to the manifest.", DefaultValueFactory = _ => "1" };

    public static Option<T> Value<T>(string name, T defaultValue, string description) =>
        new(name) { Description = $"{description} (default {Convert.ToString(defaultValue, CultureInfo.InvariantCulture)})", DefaultValueFactory = _ => defaultValue };

    public static Option<int> Threads() =>
        new("--threads") { Description = "TorchSharp CPU threads (default: all cores; use fewer when sharing the machine).", DefaultValueFactory = _ => Environment.ProcessorCount };

    /// <summary>CUDA when TorchSharp has it, else CPU with <paramref name="threads"/> threads.</summary>
    public static torch.Device Device(int threads)
    {
        torch.set_num_threads(Math.Max(1, threads));
        return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
    }

    /// <summary>The command line that reproduces this run, for the manifest.</summary>
    public static string Command(string[] args) =>
        "dotnet run -c Release --project src/EcomOrleans.Training -- " + string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));

    public static string Now() => TimeProvider.System.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static void Print(JsonObject result, bool json, Table table)
    {
        if (json)
        {
            Console.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        }
        else
        {
            AnsiConsole.Write(table);
        }
    }

    public static double Round(double value) => Math.Round(value, 4);
}
