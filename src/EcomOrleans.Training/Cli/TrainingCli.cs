using System.CommandLine;

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
}
