using Azure;
using EcomOrleans.Engine.Storage;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EcomOrleans.Engine.Hosting;

/// <summary>The durable store did not answer within the start-up wait: start-up stops with this one message.</summary>
public sealed class StoreUnreachableException(string message, Exception innerException) : Exception(message, innerException);

/// <summary>
/// Waits, before the silo starts, until the durable store answers (and, for Redis, persists every write), retrying
/// once a second for at most the given wait. A store that is still starting (a compose stack, a pod beside its
/// Redis) is waited for; one that is down stops start-up with <see cref="StoreUnreachableException"/>, one line that
/// names it, instead of the silo's lifecycle failing stage by stage with a stack trace each.
/// </summary>
public static partial class StoreStartupProbe
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxAttemptTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MinAttemptTimeout = TimeSpan.FromMilliseconds(500);

    /// <param name="waitSetting">The setting that sets <paramref name="wait"/>, named in the error.</param>
    public static async Task WaitAsync(
        EngineStorage storage, TimeSpan wait, string waitSetting, ILogger logger, TimeProvider time, CancellationToken cancellationToken)
    {
        if (storage.RedisConnectionString is { } redis)
        {
            await RetryAsync(wait, time, logger, "Redis", cancellationToken, async timeout =>
            {
                var (persistence, endpoint) = await RedisPersistenceCheck.ReadAsync(redis, timeout).ConfigureAwait(false);
                RedisPersistenceCheck.ThrowIfRefused(persistence, endpoint, storage.AllowUnpersistedRedis);
            }, e => e is RedisConnectionException, e => Unreachable(
                $"could not connect to Redis at {string.Join(",", ConfigurationOptions.Parse(redis).EndPoints)}", wait, waitSetting, RedisReason(e), e)).ConfigureAwait(false);
        }
        else if (storage.AzureTable is { } table)
        {
            await RetryAsync(wait, time, logger, "Azure Table storage", cancellationToken, async _ =>
            {
                await foreach (var page in table.Client.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
                {
                    break;
                }
            }, IsNoAnswer, e => Unreachable(
                $"could not reach Azure Table storage at {table.Endpoint}", wait, waitSetting, AzureReason(e), e)).ConfigureAwait(false);
        }
    }

    private static async Task RetryAsync(
        TimeSpan wait,
        TimeProvider time,
        ILogger logger,
        string store,
        CancellationToken cancellationToken,
        Func<TimeSpan, Task> attempt,
        Func<Exception, bool> isTransient,
        Func<Exception, Exception> giveUp)
    {
        var started = time.GetTimestamp();
        for (var n = 1; ; n++)
        {
            var left = wait - time.GetElapsedTime(started);
            try
            {
                await attempt(TimeSpan.FromTicks(Math.Clamp(left.Ticks, MinAttemptTimeout.Ticks, MaxAttemptTimeout.Ticks))).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (isTransient(e))
            {
                if (time.GetElapsedTime(started) + RetryDelay > wait)
                {
                    throw giveUp(e);
                }

                if (n == 1)
                {
                    LogWaiting(logger, store, wait.TotalSeconds);
                }
            }

            await Task.Delay(RetryDelay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>No answer at all (status 0: refused, reset, DNS), alone or as the SDK's "retry failed" aggregate.</summary>
    private static bool IsNoAnswer(Exception e) => e switch
    {
        RequestFailedException failed => failed.Status == 0,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsNoAnswer),
        _ => false,
    };

    private static string AzureReason(Exception e)
    {
        var last = e is AggregateException aggregate ? aggregate.InnerExceptions[^1] : e;
        return MessageText.FirstLine(last.InnerException?.Message ?? last.Message);
    }

    private static StoreUnreachableException Unreachable(string what, TimeSpan wait, string waitSetting, string reason, Exception inner) =>
        new($"{what} within {wait.TotalSeconds:0.#} s ({waitSetting}): {reason}", inner);

    /// <summary>StackExchange.Redis' message, without its advice to set abortConnect=false (the engine retries itself).</summary>
    private static string RedisReason(Exception e)
    {
        var message = MessageText.FirstLine(e.Message);
        var advice = message.IndexOf(" To allow this multiplexer", StringComparison.Ordinal);
        return advice > 0 ? message[..advice] : message;
    }

    [LoggerMessage(3020, LogLevel.Information, "Waiting for {Store} to answer (up to {WaitSeconds} s)")]
    private static partial void LogWaiting(ILogger logger, string store, double waitSeconds);
}
