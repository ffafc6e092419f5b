using System.Net;
using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Http;
using EcomOrleans.LoadGen.Replay;
using EcomOrleans.LoadGen.Tests.Support;

namespace EcomOrleans.LoadGen.Tests.Replay;

public sealed class EventReplayerTests
{
    // The beauty fixture: 8 users, 66 reviews, a few hundred events.
    private static readonly ReplayScript Script = DatasetRegistry.Get("beauty").Load(TestData.Fixtures, new ScriptOptions(42, TestData.Now));
    private static readonly ReplaySettings Settings = new(BatchSize: 7, Concurrency: 3);

    private readonly StubEngine _engine = new();

    [Fact]
    public async Task RunAsync_Script_PostsEveryEventExactlyOnceInBatchesNoLargerThanBatchSize()
    {
        var result = await RunAsync();

        Assert.Equal(Script.Events.Select(e => e.EventId).Order(StringComparer.Ordinal), _engine.Events.Select(e => e.EventId).Order(StringComparer.Ordinal));
        Assert.All(_engine.Requests, r => Assert.InRange(r.EventCount, 1, Settings.BatchSize));
        Assert.Equal((Script.Events.Length, 0L, Script.Events.Length, 0L), (result.Items, result.ItemsFailed, result.Accepted, result.Duplicates));
        Assert.Equal(_engine.Requests.Count, result.Requests);
        Assert.Equal(result.Requests, result.Latency.Count);
    }

    [Fact]
    public async Task RunAsync_EveryRequest_CarriesTheApiKey()
    {
        await RunAsync();

        Assert.All(_engine.Requests, r => Assert.Equal("test-key", r.ApiKey));
    }

    [Fact]
    public async Task RunAsync_EachUser_ArrivesInTimeOrder()
    {
        await RunAsync();

        foreach (var user in Script.Events.GroupBy(e => e.UserId))
        {
            var arrived = _engine.Events.Where(e => e.UserId == user.Key).Select(e => e.EventId);
            Assert.Equal(user.Select(e => e.EventId), arrived);
        }
    }

    [Fact]
    public async Task RunAsync_SameScriptTwice_ReportsEveryEventAsDuplicate()
    {
        await RunAsync();

        var again = await RunAsync();

        Assert.Equal((0L, Script.Events.Length), (again.Accepted, again.Duplicates));
    }

    [Fact]
    public async Task RunAsync_ServiceUnavailable_RetriesAndLosesNothing()
    {
        _engine.FailNext(2, HttpStatusCode.ServiceUnavailable);

        var result = await RunAsync();

        Assert.Equal(2, result.Retries);
        Assert.Equal(0, result.Errors);
        Assert.Equal(Script.Events.Length, result.Accepted);
    }

    [Fact]
    public async Task RunAsync_BadRequest_CountsTheErrorByStatusAndGoesOn()
    {
        _engine.FailNext(1, HttpStatusCode.BadRequest);

        var result = await RunAsync(new ReplaySettings(BatchSize: 7, Concurrency: 1));

        Assert.Equal(new Dictionary<int, long> { [400] = 1 }, result.ErrorsByStatus);
        Assert.Equal((Script.Events.Length - 7L, 7L), (result.Items, result.ItemsFailed));
    }

    [Fact]
    public async Task RunAsync_WrongApiKey_StopsWithApiKeyRejected()
    {
        var replayer = new EventReplayer(_engine.CreateEngineClient(apiKey: "wrong", retryBaseDelay: EngineHttp.WriteRetryBaseDelay), TimeProvider.System);

        await Assert.ThrowsAsync<ApiKeyRejectedException>(() => replayer.RunAsync(Script.Events, Settings, new ReplayProgress(), CancellationToken.None));

        Assert.InRange(_engine.Requests.Count, 1, Settings.Concurrency); // each sender stops after its first answer
    }

    [Fact]
    public async Task RunAsync_Progress_CountsEveryEvent()
    {
        var progress = new ReplayProgress();

        await new EventReplayer(Client(), TimeProvider.System).RunAsync(Script.Events, Settings, progress, CancellationToken.None);

        Assert.Equal((Script.Events.Length, 0L), (progress.Done, progress.Failed));
    }

    [Fact]
    public void Partition_SameUser_AlwaysLandsOnTheSameSender()
    {
        var lanes = EventReplayer.Partition(Script.Events, 3);

        Assert.Equal(Script.Events.Length, lanes.Sum(l => l.Count));
        foreach (var lane in lanes)
        {
            Assert.Equal(lane.Order(), lane); // time order within a sender
            var users = lane.Select(i => Script.Events[i].UserId).ToHashSet();
            Assert.All(lanes.Where(other => other != lane).SelectMany(l => l), i => Assert.DoesNotContain(Script.Events[i].UserId, users));
        }
    }

    private Task<PhaseResult> RunAsync(ReplaySettings? settings = null) =>
        new EventReplayer(Client(), TimeProvider.System).RunAsync(Script.Events, settings ?? Settings, new ReplayProgress(), CancellationToken.None);

    private EngineClient Client() => _engine.CreateEngineClient();
}
