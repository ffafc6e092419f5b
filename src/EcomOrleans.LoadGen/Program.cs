using System.CommandLine;
using EcomOrleans.LoadGen.Commands;

// One subcommand per file under Commands/; add new ones (load, bench-batcher) here.
var root = new RootCommand("EcomOrleans load generator: replays real data sets through the engine's HTTP API.")
{
    ReplayCommand.Create(TimeProvider.System),
    BenchBatcherCommand.Create(),
    CeilingCommand.Create(TimeProvider.System),
    LoadCommand.Create(TimeProvider.System),
    BenchMemoryCommand.Create(TimeProvider.System),
    BenchForecastCommand.Create(TimeProvider.System),
    BenchScorerCommand.Create(),
    OverloadCommand.Create(TimeProvider.System),
    DemoCatalogCommand.Create(TimeProvider.System),
};
return await root.Parse(args).InvokeAsync();
