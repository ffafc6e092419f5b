using Microsoft.Extensions.Options;
using Orleans.Runtime;
using StackExchange.Redis;

namespace EcomOrleans.Silo.Hosting;

/// <summary>The one line an operator reads when the engine cannot start for a reason they can fix.</summary>
public static class StartupFailure
{
    /// <summary>
    /// <c>error: invalid configuration: Grains:Users:SequenceLength must be between 1 and 1000 (was 0).</c> for
    /// invalid options, <c>error: could not connect to Redis at host:port: ...</c> when Redis does not answer;
    /// <see langword="null"/> for any other failure (a defect, which keeps its stack trace).
    /// </summary>
    public static string? Describe(Exception exception, string? redisConnectionString)
    {
        var failures = OptionFailures(exception).ToList();
        if (failures.Count > 0)
        {
            return "error: invalid configuration: " + OneLine(string.Join(" ", failures));
        }

        if (Find<OrleansConfigurationException>(exception) is { } orleans)
        {
            return "error: invalid configuration: " + OneLine(orleans.Message);
        }

        if (Find<RedisConnectionException>(exception) is { } redis)
        {
            var at = redisConnectionString is null ? "" : " at " + string.Join(",", ConfigurationOptions.Parse(redisConnectionString).EndPoints);
            return $"error: could not connect to Redis{at}: {OneLine(redis.Message)}";
        }

        return null;
    }

    private static IEnumerable<string> OptionFailures(Exception exception) => exception switch
    {
        OptionsValidationException options => options.Failures,
        AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException) =>
            aggregate.InnerExceptions.SelectMany(OptionFailures),
        { InnerException: { } inner } => OptionFailures(inner),
        _ => [],
    };

    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }

            if (exception is AggregateException aggregate && aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(e => e is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    private static string OneLine(string text) => string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
