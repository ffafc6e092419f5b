using System.CommandLine;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.Client;

namespace EcomOrleans.LoadGen.Commands;

/// <summary>The options several commands take, defined once so their names, defaults and ranges never drift apart.</summary>
internal static class SharedOptions
{
    public static Option<string> Dataset(string description)
    {
        var option = new Option<string>("--dataset") { Description = description, Required = true };
        option.AcceptOnlyFromAmong([.. DatasetRegistry.Names]);
        return option;
    }

    public static Option<string> DataDirectory() => new("--data-dir")
    {
        Description = $"Shared data folder (env {ReplayOptions.DataDirectoryVariable}).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ReplayOptions.DataDirectoryVariable) ?? ReplayOptions.DefaultDataDirectory,
    };

    public static Option<Uri> Url() => new("--url")
    {
        Description = "Engine base address.",
        DefaultValueFactory = _ => new Uri(ReplayOptions.DefaultEngineUrl),
        CustomParser = result =>
        {
            var text = result.Tokens[^1].Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            result.AddError($"--url must be an absolute http(s) address, not '{text}'.");
            return null;
        },
    };

    public static Option<string?> ApiKey() => new("--api-key")
    {
        Description = $"X-Api-Key for writes (env {ReplayOptions.ApiKeyVariable}).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ReplayOptions.ApiKeyVariable),
    };

    public static Option<int> BatchSize() => Ranged(
        new Option<int>("--batch-size") { Description = "Events per batch (1-500).", DefaultValueFactory = _ => 100 }, 1, EcomOrleansClient.MaxEventsPerBatch);

    public static Option<int> Concurrency(string description, int defaultValue) => Ranged(
        new Option<int>("--concurrency") { Description = description, DefaultValueFactory = _ => defaultValue }, 1, 1024);

    public static Option<int?> Limit()
    {
        var option = new Option<int?>("--limit") { Description = "Replay only the first N events in time order (default all)." };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--limit must be at least 1.");
            }
        });
        return option;
    }

    public static Option<int> Seed() => new("--seed") { Description = "Fixes prices, stock, synthetic timelines and event ids.", DefaultValueFactory = _ => 42 };

    public static Option<double> SpanDays() => Ranged(
        new Option<double>("--span-days") { Description = "Days a synthetic timeline spans, ending now.", DefaultValueFactory = _ => 28 }, 1.0 / 24, 3650);

    public static Option<double> Timeout() => Ranged(
        new Option<double>("--timeout") { Description = "Seconds one HTTP attempt may take.", DefaultValueFactory = _ => 30 }, 0.1, 3600);

    public static Option<bool> Json() => new("--json") { Description = "Print the report as one JSON object on stdout; progress goes to stderr." };

    /// <summary>Adds a validator that keeps <paramref name="option"/> within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<T> Ranged<T>(Option<T> option, T min, T max)
        where T : IComparable<T>
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<T>();
            if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
            {
                result.AddError($"{option.Name} must be between {min} and {max}.");
            }
        });
        return option;
    }
}
