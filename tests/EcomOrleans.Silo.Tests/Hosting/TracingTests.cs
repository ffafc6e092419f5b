using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using EcomOrleans.Inference;
using EcomOrleans.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Orleans;

namespace EcomOrleans.Silo.Tests.Hosting;

/// <summary>Traces of one engine whose spans go to an in-memory exporter.</summary>
public sealed class TracingTests(TracingTests.TracedEngine fixture) : IClassFixture<TracingTests.TracedEngine>
{
    private readonly ObservedSpans _spans = fixture.Spans;
    private readonly EngineFactory _engine = fixture.Engine;

    [SkippableFact]
    public async Task Recommendations_OneRequest_HttpGrainAndBatcherSpansShareOneTrace()
    {
        Skip.IfNot(File.Exists(Repository.PathOf("models", "sequence", "manifest.json")), "models/sequence is not there: train it first (docs/models.md).");
        var writer = _engine.CreateWriter();
        var user = $"u-{Guid.NewGuid():N}";
        var now = _engine.Time.GetUtcNow();
        await writer.PostAsJsonAsync("/api/events", Json.Batch(
            Json.Event("v1", user, "view", now.AddMinutes(-2), "beauty-12"),
            Json.Event("v2", user, "view", now.AddMinutes(-1), "beauty-30")));
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/users/{user}/recommendations?count=5");
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        var response = await writer.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var server = await _spans.WaitForAsync(a => a.TraceId == traceId && a.Source.Name == "Microsoft.AspNetCore");
        var trace = _spans.Snapshot().Where(a => a.TraceId == traceId).ToList();
        Assert.Equal("GET /api/users/{userId}/recommendations", server.DisplayName);
        Assert.Contains(trace, a => a.Source.Name == EcomTracing.OrleansApplicationSource && a.Kind == ActivityKind.Server);
        var batch = Assert.Single(trace, a => a.Source.Name == InferenceTracing.SourceName && (string?)a.GetTagItem(InferenceTracing.ModelTag) == "sequence");
        Assert.Equal(InferenceTracing.BatchActivity, batch.DisplayName);
        Assert.Equal(1, batch.GetTagItem(InferenceTracing.BatchSizeTag));
        Assert.IsType<double>(batch.GetTagItem(InferenceTracing.QueueWaitTag));
    }

    [Fact]
    public void GrainCalls_TracesOn_PassOrleansActivityPropagation()
    {
        Assert.Contains(_engine.Services.GetServices<IIncomingGrainCallFilter>(), IsActivityPropagation);
    }

    /// <summary>Orleans' own filters (internal types): what <c>AddActivityPropagation</c> registers.</summary>
    internal static bool IsActivityPropagation(IIncomingGrainCallFilter filter) =>
        filter.GetType().Name.StartsWith("ActivityPropagation", StringComparison.Ordinal);

    [Theory]
    [InlineData("GET", "/api/skus/-bad*sku", HttpStatusCode.BadRequest)]
    [InlineData("DELETE", "/api/users/u-1", HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/api/skus/never-put-sku-trace", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/no-such-route", HttpStatusCode.NotFound)]
    public async Task ErrorResponse_CarriesTheRequestsTraceId(string method, string path, HttpStatusCode status)
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        if (method == "GET")
        {
            request.Headers.Add("X-Api-Key", EngineFactory.ApiKey); // reads need a key; the DELETE is refused for lacking one
        }

        var response = await _engine.CreateClient().SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(traceId.ToHexString(), (string?)(await response.ReadObjectAsync())[EcomTracing.TraceIdExtension]);
    }

    /// <summary>The exporter's collection, safe to read while spans end on other threads, and awaitable.</summary>
    public sealed class ObservedSpans : Collection<Activity>
    {
        private readonly Lock _gate = new();
        private readonly List<(Func<Activity, bool> Match, TaskCompletionSource<Activity> Done)> _waiters = [];

        public List<Activity> Snapshot()
        {
            lock (_gate)
            {
                return [.. Items];
            }
        }

        public Task<Activity> WaitForAsync(Func<Activity, bool> match)
        {
            lock (_gate)
            {
                if (Items.FirstOrDefault(match) is { } found)
                {
                    return Task.FromResult(found);
                }

                var done = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((match, done));
                return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (_gate)
            {
                base.InsertItem(index, item);
                foreach (var waiter in _waiters.Where(w => w.Match(item)).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Done.TrySetResult(item);
                }
            }
        }
    }

    /// <summary>The engine, shared by the tests of this class, with its traces observed.</summary>
    public sealed class TracedEngine : IAsyncLifetime
    {
        public ObservedSpans Spans { get; } = new();

        public EngineFactory Engine { get; private set; } = null!;

        public Task InitializeAsync()
        {
            Engine = new EngineFactory(
                store: null,
                services: s => s.AddOpenTelemetry().WithTracing(t => t.AddEcomTracing().AddInMemoryExporter(Spans)),
                settings: new Dictionary<string, string> { ["Telemetry:Traces"] = "true" });
            _ = Engine.Server;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Engine.DisposeAsync();
    }
}
