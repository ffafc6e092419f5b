using EcomOrleans.Training.Cli;

return TrainingCli.Run(args);
