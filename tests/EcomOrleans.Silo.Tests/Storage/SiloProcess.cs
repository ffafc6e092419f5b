using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace EcomOrleans.Silo.Tests.Storage;

/// <summary>
/// The built engine in a process of its own on a durable store, as operators run it, so that a test can kill it
/// without warning (SIGKILL: no shutdown, no membership update, nothing flushed).
/// </summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process, HttpClient client)
    {
        _process = process;
        Client = client;
    }

    /// <summary>A client of this silo's API that sends the API key.</summary>
    public HttpClient Client { get; }

    /// <summary>
    /// Starts a silo of <paramref name="serviceId"/> on <paramref name="store"/> (the in-memory default when null), with
    /// <paramref name="settings"/> added to its configuration, and returns when its API listens.
    /// </summary>
    public static SiloProcess Start(DurableStore? store, string serviceId, IReadOnlyDictionary<string, string>? settings = null)
    {
        var http = FreePort();
        var start = StartInfo();
        var configuration = new Dictionary<string, string>((store?.Settings ?? new Dictionary<string, string>()).Concat(Cluster.FastFailureDetection))
        {
            ["Urls"] = $"http://127.0.0.1:{http}",
            ["Security:ApiKey"] = EngineFactory.ApiKey,
            ["Orleans:ServiceId"] = serviceId,
            ["Orleans:ClusterId"] = serviceId,
            ["Orleans:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in configuration.Concat(settings ?? new Dictionary<string, string>()))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                output.Enqueue(text);
                if (text.Contains("Application started", StringComparison.Ordinal))
                {
                    started.TrySetResult();
                }
            }
        };
        process.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.Exited += (_, _) => started.TrySetException(new InvalidOperationException("The silo exited before it started:\n" + string.Join("\n", output)));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            started.Task.Wait(TimeSpan.FromSeconds(90));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }

        if (!started.Task.IsCompleted)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new TimeoutException("The silo did not start in 90 s:\n" + string.Join("\n", output));
        }

        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}") };
        client.DefaultRequestHeaders.Add("X-Api-Key", EngineFactory.ApiKey);
        return new SiloProcess(process, client);
    }

    /// <summary>
    /// Runs the built engine with <paramref name="environment"/> until it exits (at most 2 minutes), as an operator would
    /// start it: for the tests of start-up failures.
    /// </summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunToExitAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = StartInfo();
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var silo = Process.Start(start)!;
        var stderr = silo.StandardError.ReadToEndAsync();
        var stdout = silo.StandardOutput.ReadToEndAsync();
        try
        {
            await silo.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            if (!silo.HasExited)
            {
                silo.Kill(entireProcessTree: true);
            }
        }

        return (silo.ExitCode, await stdout, await stderr);
    }

    /// <summary>SIGKILL, and wait until the process is gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        Client.Dispose();
        _process.Dispose();
    }

    /// <summary>The built engine from this test's output folder, with its output read by the test.</summary>
    private static ProcessStartInfo StartInfo() => new(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
    {
        ArgumentList = { Path.Combine(AppContext.BaseDirectory, "EcomOrleans.Silo.dll") },
        WorkingDirectory = AppContext.BaseDirectory,
        RedirectStandardError = true,
        RedirectStandardOutput = true,
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
