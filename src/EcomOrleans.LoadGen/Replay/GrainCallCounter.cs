namespace EcomOrleans.LoadGen.Replay;

/// <summary>Counts the grain calls an in-process silo receives, so a run can say how many each event or request costs.</summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        Interlocked.Increment(ref _calls);
        return context.Invoke();
    }
}
