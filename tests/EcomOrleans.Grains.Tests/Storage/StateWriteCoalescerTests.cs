using EcomOrleans.Grains.Storage;

namespace EcomOrleans.Grains.Tests.Storage;

public sealed class StateWriteCoalescerTests
{
    [Fact]
    public async Task Flush_WhileAWriteIsInFlight_LaterCallersShareTheNextWrite()
    {
        var writes = new List<TaskCompletionSource>();
        var coalescer = new StateWriteCoalescer(() =>
        {
            var write = new TaskCompletionSource();
            writes.Add(write);
            return write.Task;
        });

        var first = coalescer.FlushAsync();
        var second = coalescer.FlushAsync();
        var third = coalescer.FlushAsync();

        Assert.Single(writes);
        Assert.Same(second, third);
        writes[0].SetResult();
        await first;
        Assert.False(second.IsCompleted); // its change came after the first write started
        Assert.Equal(2, writes.Count);
        writes[1].SetResult();
        await second;
    }

    [Fact]
    public async Task Flush_WhenTheWriteFails_OnlyThatWritesCallersSeeTheError()
    {
        var writes = new List<TaskCompletionSource>();
        var coalescer = new StateWriteCoalescer(() =>
        {
            var write = new TaskCompletionSource();
            writes.Add(write);
            return write.Task;
        });

        var failing = coalescer.FlushAsync();
        var next = coalescer.FlushAsync();
        writes[0].SetException(new InvalidOperationException("storage down"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("storage down", error.Message);
        writes[1].SetResult();
        await next;
        Assert.True(coalescer.WhenDurableAsync().IsCompletedSuccessfully);
    }
}
