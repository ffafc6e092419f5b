using EcomOrleans.Silo.Tests.Storage;

namespace EcomOrleans.Silo.Tests.Hosting;

/// <summary>The built engine, run as operators run it, with a bad setting in its environment.</summary>
public sealed class SiloProcessStartupTests
{
    [Fact]
    public async Task Run_BadOption_ExitsWith1AndOneErrorLineWithoutStackTrace()
    {
        var (exitCode, stdout, stderr) = await SiloProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["Grains__Users__SequenceLength"] = "0",
            ["ConnectionStrings__Redis"] = "",
        });

        Assert.Equal(1, exitCode);
        Assert.Equal("error: invalid configuration: Grains:Users:SequenceLength must be between 1 and 1000 (was 0)." + Environment.NewLine, stderr);
        Assert.DoesNotContain("   at ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RedisThatDoesNotAnswer_ExitsWith1AfterTheStartupWaitWithOneLine()
    {
        var port = ClosedPort();

        var (exitCode, stdout, stderr) = await SiloProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Redis"] = $"127.0.0.1:{port}",
            ["Storage__StartupWait"] = "00:00:02",
        });

        Assert.Equal(1, exitCode);
        Assert.Equal(
            $"error: could not connect to Redis at 127.0.0.1:{port} within 2 s (Storage:StartupWait): " +
            "It was not possible to connect to the redis server(s). Error connecting right now." + Environment.NewLine,
            stderr);
        Assert.DoesNotContain("fail:", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LoadSheddingThresholdOver100_ExitsWith1AndOrleansOwnLine()
    {
        var (exitCode, stdout, stderr) = await SiloProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["Orleans__LoadShedding__CpuThreshold"] = "150",
        });

        Assert.Equal(1, exitCode);
        Assert.Equal(
            "error: invalid configuration: Limit 'LoadSheddingOptions.CpuThreshold' must be greater than 0% and less than or equal to 100%." + Environment.NewLine,
            stderr);
        Assert.DoesNotContain("   at ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CollectionAgeNotAboveItsQuantum_ExitsWith1AndOrleansOwnLineWithoutStackTrace()
    {
        var (exitCode, stdout, stderr) = await SiloProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["Orleans__GrainCollection__CollectionAge"] = "00:00:05",
        });

        Assert.Equal(1, exitCode);
        Assert.Equal(
            "error: invalid configuration: CollectionAge is set to 00:00:05. CollectionAge must be greater than CollectionQuantum, which is set to 00:01:00" + Environment.NewLine,
            stderr);
        Assert.DoesNotContain("   at ", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_HttpPortInUse_ExitsWith1AndOneLineNamingTheAddress()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;

        var (exitCode, _, stderr) = await SiloProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
        });

        Assert.Equal(1, exitCode);
        Assert.Equal(
            $"error: Failed to bind to address http://127.0.0.1:{port}: address already in use. Set Urls (or --urls) to a free address." + Environment.NewLine,
            stderr);
    }

    /// <summary>A loopback port nothing listens on (just released by a listener the OS gave it to).</summary>
    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
