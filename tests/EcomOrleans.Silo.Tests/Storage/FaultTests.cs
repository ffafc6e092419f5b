using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace EcomOrleans.Silo.Tests.Storage;

/// <summary>
/// Acknowledged means durable, under faults: two silo processes on a Redis that persists every write, a replay of
/// real shoppers (the first <see cref="Users"/> of Amazon Beauty, each review a view and then a purchase of its item,
/// shoppers interleaved) in batches sent by a client that records every 202 (and re-sends anything not
/// acknowledged, to the other silo), SIGKILL of one silo and then of Redis itself (restarted on its append-only file)
/// in the middle, and afterwards every acknowledged event is found in its user's and its SKU's state: none lost,
/// none counted twice, every unit bought taken from stock once.
/// </summary>
[Trait("Category", "Redis")]
public sealed class FaultTests(ITestOutputHelper output)
{
    private const int Users = 120;
    private const int BatchSize = 20;
    private const int Stock = 1_000_000;

    [SkippableFact]
    public async Task AcknowledgedEvents_SurviveKillingASiloAndRedis_NoneLostNoneCountedTwice()
    {
        _ = new RedisStore(); // CI's variable: .ci/run installed redis-server; this test starts a Redis of its own.
        using var redis = OwnRedis.Start();
        var store = new RedisStore(redis.ConnectionString + ",abortConnect=false,connectTimeout=2000");
        var serviceId = $"test-{Guid.NewGuid():N}";
        using var a = SiloProcess.Start(store, serviceId);
        using var b = SiloProcess.Start(store, serviceId);
        var now = DateTimeOffset.UtcNow;
        var events = BeautyEvents(now);
        var skus = events.Select(e => e.Sku).Distinct().ToList();
        await Parallel.ForEachAsync(skus, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (sku, cancellationToken) =>
        {
            var put = await a.Client.PutAsJsonAsync($"/api/skus/{sku}", new { title = sku, category = "beauty", brand = "b", price = 10m, cost = 4m, stock = Stock, leadTimeDays = 1 }, cancellationToken);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        });
        output.WriteLine($"{events.Count} events of {Users} Beauty shoppers over {skus.Count} SKUs");

        // Batches of 20 that mix shoppers; each batch goes to silo A or B in turn.
        var batches = events.Chunk(BatchSize).ToList();
        var acknowledged = new List<(string User, string Id, string Kind, string Sku)>();
        var silos = new List<SiloProcess> { a, b };
        var resent = 0;
        var restarted = Task.CompletedTask;
        var clock = Stopwatch.StartNew();
        var longestSend = TimeSpan.Zero;
        var slowestRefusal = TimeSpan.Zero;
        for (var i = 0; i < batches.Count; i++)
        {
            if (i == batches.Count / 3)
            {
                b.Kill(); // without warning: its grains must come back on A, from Redis
                silos.Remove(b);
                output.WriteLine($"batch {i}: silo B killed at {clock.Elapsed.TotalSeconds:F1} s");
            }

            if (i == 2 * batches.Count / 3)
            {
                // SIGKILL, then down for 2 s while batches keep coming (refused, not acknowledged), then restarted on
                // its append-only file.
                redis.Kill();
                restarted = Task.Run(async () =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(2));
                    redis.Restart();
                });
                output.WriteLine($"batch {i}: Redis killed at {clock.Elapsed.TotalSeconds:F1} s");
            }

            var batch = Json.Batch([.. batches[i].Select(e => Json.Event(e.Id, e.User, e.Kind, e.At, e.Sku, quantity: e.Kind == "purchase" ? 1 : null))]);
            for (var attempt = 0; ; attempt++)
            {
                var silo = silos[(i + attempt) % silos.Count];
                var sent = clock.Elapsed;
                var status = await TrySendAsync(silo.Client, batch);
                var took = clock.Elapsed - sent;
                longestSend = took > longestSend ? took : longestSend;
                if (status == HttpStatusCode.ServiceUnavailable && took > slowestRefusal)
                {
                    slowestRefusal = took;
                }

                if (status == HttpStatusCode.Accepted)
                {
                    acknowledged.AddRange(batches[i].Select(e => (e.User, e.Id, e.Kind, e.Sku)));
                    break;
                }

                resent++;
                Assert.True(attempt < 200, $"batch {i} was never acknowledged");
                await Task.Delay(TimeSpan.FromMilliseconds(100)); // a real client's back-off against a real outage
            }
        }

        await restarted;
        output.WriteLine(
            $"{acknowledged.Count} events acknowledged in {batches.Count} batches in {clock.Elapsed.TotalSeconds:F1} s; " +
            $"{resent} sends refused and sent again; the longest send took {longestSend.TotalSeconds:F1} s, the slowest 503 {slowestRefusal.TotalSeconds:F1} s");
        Assert.Equal(events.Count, acknowledged.Count);

        // Read back from the store, not from memory: a new silo joins, silo A is killed too, and every grain is
        // loaded by the new one from Redis.
        using var c = SiloProcess.Start(store, serviceId);
        a.Kill();

        // Every acknowledged event, exactly once: in its user's total, in its SKU's views and units, and in its stock.
        foreach (var user in acknowledged.GroupBy(e => e.User))
        {
            var profile = await ReadAsync(c.Client, $"/api/users/{user.Key}");
            Assert.Equal(user.Count(), (long)profile["totalEvents"]!);
        }

        foreach (var sku in acknowledged.GroupBy(e => e.Sku))
        {
            var state = await ReadAsync(c.Client, $"/api/skus/{sku.Key}");
            var bought = sku.Count(e => e.Kind == "purchase");
            Assert.Equal(sku.Count(e => e.Kind == "view"), (long)state["totals"]!["views"]!);
            Assert.Equal(bought, (long)state["totals"]!["units"]!);
            Assert.Equal(Stock - bought, (long)state["stock"]!);
        }
    }

    /// <summary>
    /// The first <see cref="Users"/> shoppers of Amazon Beauty (S3-Rec's 5-core file: one shopper a line, items in
    /// the order reviewed): each review a view of the item and then a purchase of one unit, the shoppers' events
    /// interleaved as concurrent shoppers' would be.
    /// </summary>
    private static List<(string User, string Id, string Kind, string Sku, DateTimeOffset At)> BeautyEvents(DateTimeOffset start)
    {
        var shoppers = File.ReadLines(SharedData.PathOf("amazon-beauty/beauty-s3rec.txt"))
            .Take(Users)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        var events = new List<(string User, string Id, string Kind, string Sku, DateTimeOffset At)>();
        foreach (var (fields, index) in shoppers.Select((fields, index) => (fields, index)))
        {
            var user = $"u-beauty-{fields[0]}";
            for (var review = 1; review < fields.Length; review++)
            {
                var sku = $"beauty-{fields[review]}";
                var at = start.AddMilliseconds((review * 2 * Users) + index);
                events.Add((user, $"v-{review}", "view", sku, at));
                events.Add((user, $"p-{review}", "purchase", sku, at.AddMilliseconds(Users)));
            }
        }

        return [.. events.OrderBy(e => e.At)];
    }

    /// <summary>A GET, retried while the cluster still routes to the silo just killed (503, or no answer in time).</summary>
    private static async Task<System.Text.Json.Nodes.JsonObject> ReadAsync(HttpClient client, string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                using var response = await client.GetAsync(path, timeout.Token);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt >= 200)
                {
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    return await response.ReadObjectAsync();
                }
            }
            catch (TaskCanceledException) when (attempt < 200)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <returns>The answer's status; null when there was none.</returns>
    private static async Task<HttpStatusCode?> TrySendAsync(HttpClient client, object batch)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            using var response = await client.PostAsJsonAsync("/api/events", batch, timeout.Token);
            return response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null; // the silo is gone, or did not answer in time: nothing was acknowledged
        }
    }

    /// <summary>A redis-server of this test's own (so killing it touches no other test), persisting every write.</summary>
    private sealed class OwnRedis : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("ecom-fault-redis-").FullName;
        private readonly int _port;
        private Process _process;

        private OwnRedis(int port)
        {
            _port = port;
            _process = Launch();
        }

        public string ConnectionString => $"127.0.0.1:{_port}";

        public static OwnRedis Start()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return new OwnRedis(port);
        }

        public void Kill()
        {
            _process.Kill();
            _process.WaitForExit();
        }

        public void Restart()
        {
            _process.Dispose();
            _process = Launch();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _process.Dispose();
            Directory.Delete(_directory, recursive: true);
        }

        private Process Launch()
        {
            var process = Process.Start(new ProcessStartInfo("redis-server")
            {
                ArgumentList = { "--port", _port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", _directory },
                RedirectStandardOutput = true,
            })!;
            var ready = new TaskCompletionSource();
            process.OutputDataReceived += (_, line) =>
            {
                if (line.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
                {
                    ready.TrySetResult();
                }
            };
            process.BeginOutputReadLine();
            if (!ready.Task.Wait(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException("redis-server did not start");
            }

            return process;
        }
    }
}
