namespace EcomOrleans.LoadGen.Commands;

/// <summary>The parsed options of <c>load</c>.</summary>
/// <param name="Users">Distinct users to ask for, sampled from the data set's users with events by <paramref name="Seed"/>. Default 2000.</param>
/// <param name="Rates">Offered requests/s, one step each, in order; 0 is a closed-loop step with <paramref name="Concurrency"/> workers.</param>
/// <param name="Duration">How long each step offers load. Default 15 s.</param>
/// <param name="Count">Items asked for per recommendation. Default 10.</param>
/// <param name="Concurrency">Connections to the engine, and workers of a closed-loop step. Default 64.</param>
/// <param name="FreshnessUsers">Users the freshness check buys for. Default 5.</param>
/// <param name="RequestTimeout">How long one request may take before it counts as no response. Default 30 s.</param>
/// <param name="IntentRate">Bot messages/s (<c>POST /api/users/{userId}/intent</c>) offered beside every step, open loop; 0 (default) sends none.</param>
/// <param name="Warmup">Load offered before the first step, at its rate, and not counted: a fresh load generator runs its
/// first seconds on unoptimised code and new connections, and at 80 % of saturation the queue that leaves takes seconds to
/// drain, which is the generator's start and not the engine. None by default.</param>
/// <param name="SamplesFile">Where to write every request of every step as CSV (step, offered/s, index, due and latency in ms, status), to see when a tail happened; none by default.</param>
/// <param name="MessagesFile">The bot's messages: a CSV whose first column is the text. Default <c>tests/data/intent-challenge.csv</c>.</param>
public sealed record LoadOptions(
    Uri EngineUrl,
    string? ApiKey,
    string Dataset,
    string DataDirectory,
    int Users,
    IReadOnlyList<double> Rates,
    TimeSpan Duration,
    int Count,
    int Concurrency,
    int Seed,
    int FreshnessUsers,
    TimeSpan RequestTimeout,
    bool Json,
    double IntentRate = 0,
    string MessagesFile = LoadOptions.DefaultMessagesFile,
    string? SamplesFile = null,
    TimeSpan Warmup = default)
{
    public const string DefaultMessagesFile = "tests/data/intent-challenge.csv";

    public static readonly IReadOnlyList<double> DefaultRates = [50, 100, 200, 400, 800, 0];
}
