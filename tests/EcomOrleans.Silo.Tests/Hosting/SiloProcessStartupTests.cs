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
}
