using EcomOrleans.Training.Cli;

return TrainingCli.Build(args).Parse(args).Invoke();
