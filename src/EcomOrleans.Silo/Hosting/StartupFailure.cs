using Azure;
using Azure.Identity;
using EcomOrleans.Engine.Hosting;
using EcomOrleans.Engine.Storage;
using EcomOrleans.Inference.Models;
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
    public static string? Describe(Exception exception, EngineStorage storage)
    {
        var failures = OptionFailures(exception).ToList();
        if (failures.Count > 0)
        {
            return "error: invalid configuration: " + MessageText.OneLine(string.Join(" ", failures));
        }

        if (Find<OrleansConfigurationException>(exception) is { } orleans)
        {
            return "error: invalid configuration: " + MessageText.OneLine(orleans.Message);
        }

        if (Find<IOException>(exception) is { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } inUse)
        {
            return $"error: {MessageText.OneLine(inUse.Message)} Set Urls (or --urls) to a free address.";
        }

        if (Find<StoreUnreachableException>(exception) is { } unreachable)
        {
            return $"error: {MessageText.OneLine(unreachable.Message)}";
        }

        if (Find<RedisConnectionException>(exception) is { } redis)
        {
            var at = storage.RedisConnectionString is null ? "" : " at " + string.Join(",", ConfigurationOptions.Parse(storage.RedisConnectionString).EndPoints);
            return $"error: could not connect to Redis{at}: {MessageText.OneLine(redis.Message)}";
        }

        if (Find<StoreNotDurableException>(exception) is { } notDurable)
        {
            return $"error: {notDurable.Message}";
        }

        if (Find<ModelLoadException>(exception) is { } model)
        {
            return $"error: could not load the models: {MessageText.OneLine(model.Message)}";
        }

        if (storage.AzureTable is { } table && Find<RequestFailedException>(exception) is { } azure)
        {
            // The SDK's message runs to a dozen lines of headers; the first says what went wrong.
            var reason = azure.Status == 0 ? MessageText.FirstLine(azure.InnerException?.Message ?? azure.Message) : $"{azure.Status} {azure.ErrorCode}: {MessageText.FirstLine(azure.Message)}";
            return $"error: could not reach Azure Table storage at {table.Endpoint}: {reason}";
        }

        if (storage.AzureTable is { } account && Find<AuthenticationFailedException>(exception) is { } credential)
        {
            return $"error: could not sign in to Azure Table storage at {account.Endpoint}: {MessageText.FirstLine(credential.Message)}";
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

}
