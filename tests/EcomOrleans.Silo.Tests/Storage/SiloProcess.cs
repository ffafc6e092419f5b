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
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private SiloProcess(Process process, HttpClient client, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        Client = client;
        _output = output;
    }

    /// <summary>A client of this silo's API that sends the API key.</summary>
    public HttpClient Client { get; }

    /// <summary>
    /// Starts a silo of <paramref name="serviceId"/> on <paramref name="store"/> (the in-memory default when null) and
    /// returns when its API listens.
    /// </summary>
    /// <param name="extra">More settings (they win); null unsets one, like <c>Security:ApiKey</c> to have the engine make a key.</param>
    /// <param name="workingDirectory">Where it runs, as its content root (whose <c>appsettings.json</c> it reads); default the test's output folder, which has none.</param>
    public static SiloProcess Start(DurableStore? store, string serviceId, IReadOnlyDictionary<string, string?>? extra = null, string? workingDirectory = null)
    {
        var http = FreePort();
        var start = StartInfo();
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        var settings = new Dictionary<string, string>((store?.Settings ?? new Dictionary<string, string>()).Concat(Cluster.FastFailureDetection))
        {
            ["Urls"] = $"http://127.0.0.1:{http}",
            ["Security:ApiKey"] = EngineFactory.ApiKey,
            ["Orleans:ServiceId"] = serviceId,
            ["Orleans:ClusterId"] = serviceId,
            ["Orleans:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        foreach (var (key, value) in settings)
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
        return new SiloProcess(process, client, output);
    }

    /// <summary>What the silo has written so far, stdout and stderr, a line each.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>SIGTERM, as Kubernetes or Ctrl+C stop it, and the exit code once it has stopped (at most 60 s).</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        _process.WaitForExit(); // and the output read to its end
        return _process.ExitCode;
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

        // A test that wants the demo catalog says so in its environment.
        Environment = { ["Demo__SeedCatalog"] = "false" },
    };

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
