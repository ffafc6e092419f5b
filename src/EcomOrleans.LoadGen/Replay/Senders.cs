namespace EcomOrleans.LoadGen.Replay;

/// <summary>Runs parallel senders; when one fails (say, the API key was rejected) the others stop and that failure surfaces.</summary>
internal static class Senders
{
    public static async Task RunAsync(int count, Func<int, CancellationToken, Task> sender, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = new Task[count];
        for (var i = 0; i < count; i++)
        {
            var index = i;
            tasks[i] = Task.Run(
                async () =>
                {
                    try
                    {
                        await sender(index, stop.Token).ConfigureAwait(false);
                    }
                    catch
                    {
                        await stop.CancelAsync().ConfigureAwait(false);
                        throw;
                    }
                },
                CancellationToken.None);
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // WhenAll surfaces the first task's exception; report the one that stopped the others, not their cancellation.
            var cause = tasks.Select(t => t.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException);
            if (cause is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
            }

            throw;
        }
    }
}
