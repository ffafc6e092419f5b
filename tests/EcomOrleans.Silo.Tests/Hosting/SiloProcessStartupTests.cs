using System.Diagnostics;

namespace EcomOrleans.Silo.Tests.Hosting;

/// <summary>The built engine, run as operators run it, with a bad setting in its environment.</summary>
public sealed class SiloProcessStartupTests
{
    [Fact]
    public async Task Run_BadOption_ExitsWith1AndOneErrorLineWithoutStackTrace()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "EcomOrleans.Silo.dll") },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment =
            {
                ["Grains__Users__SequenceLength"] = "0",
                ["ConnectionStrings__Redis"] = "",
            },
        };
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

        Assert.Equal(1, silo.ExitCode);
        Assert.Equal(
            "error: invalid configuration: Grains:Users:SequenceLength must be between 1 and 1000 (was 0)." + Environment.NewLine,
            await stderr);
        Assert.DoesNotContain("   at ", await stdout, StringComparison.Ordinal);
    }
}
