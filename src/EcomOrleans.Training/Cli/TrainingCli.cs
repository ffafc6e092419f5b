using System.CommandLine;
using System.Text.Json;
using EcomOrleans.Models;

namespace EcomOrleans.Training.Cli;

/// <summary>The command tree: <c>train sequence|demand|intent</c> and <c>evaluate sequence|demand|demand-backtest|intent|elasticity|restock</c>.</summary>
internal static class TrainingCli
{
    /// <param name="args">The full command line, recorded in each manifest as the training command.</param>
    public static RootCommand Build(string[] args)
    {
        var train = new Command("train", "Train a model with TorchSharp and export it to ONNX.")
        {
            SequenceCommands.Train(args),
            DemandCommands.Train(args),
            IntentCommands.Train(args),
            IntentEncoderCommand.Create(args),
        };
        var evaluate = new Command("evaluate", "Evaluate an exported model with ONNX Runtime, or backtest the restock policy.")
        {
            SequenceCommands.Evaluate(),
            DemandCommands.Evaluate(),
            DemandCommands.Backtest(),
            IntentCommands.Evaluate(),
            PricingCommands.Evaluate(),
            RestockCommands.Evaluate(),
        };
        return new RootCommand("EcomOrleans model training and evaluation.") { train, evaluate };
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. Bad input (a data file that does not read, a model folder that does not
    /// load, an option the data contradicts) ends with one line on standard error, <c>error: ...</c>, and exit code 1,
    /// not an exception's trace; anything else is a bug and keeps its trace.
    /// </summary>
    public static int Run(string[] args, TextWriter? error = null)
    {
        try
        {
            return Build(args).Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception) when (IsBadInput(exception))
        {
            (error ?? Console.Error).WriteLine($"error: {exception.Message}");
            return 1;
        }
    }

    private static bool IsBadInput(Exception exception) =>
        exception is InvalidDataException or IOException or UnauthorizedAccessException or JsonException or ModelContractException;
}
