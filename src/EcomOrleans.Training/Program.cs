using System.CommandLine;
using EcomOrleans.Training.Cli;

var train = new Command("train", "Train a model with TorchSharp and export it to ONNX.")
{
    SequenceCommands.Train(args),
    IntentCommands.Train(args),
    DemandCommands.Train(args),
};
var evaluate = new Command("evaluate", "Evaluate an exported model with ONNX Runtime.")
{
    SequenceCommands.Evaluate(),
    IntentCommands.Evaluate(),
    DemandCommands.Evaluate(),
};
var root = new RootCommand("EcomOrleans model training and evaluation.") { train, evaluate };
return root.Parse(args).Invoke();
