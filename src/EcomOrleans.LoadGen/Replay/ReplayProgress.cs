namespace EcomOrleans.LoadGen.Replay;

/// <summary>Live counters a progress bar polls while senders update them.</summary>
public sealed class ReplayProgress
{
    private long _done;
    private long _failed;

    /// <summary>Items (events or SKUs) that reached the engine.</summary>
    public long Done => Interlocked.Read(ref _done);

    /// <summary>Items whose request failed after its retries.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public void Report(int items, bool succeeded)
    {
        if (succeeded)
        {
            Interlocked.Add(ref _done, items);
        }
        else
        {
            Interlocked.Add(ref _failed, items);
        }
    }
}
