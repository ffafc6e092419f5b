namespace EcomOrleans.LoadGen.Tests.Support;

/// <summary>Where tests find data: the committed fixtures, and the real shared data folder when it is there.</summary>
internal static class TestData
{
    /// <summary>The fixtures folder, laid out like the shared data folder.</summary>
    public static string Fixtures { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "data");

    /// <summary>A fixed "now", so timelines are the same on every run.</summary>
    public static DateTimeOffset Now { get; } = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The real shared data folder: <c>$ECOM_DATA_DIR</c>, else the first <c>shared/data</c> above the test binaries.</summary>
    public static string? SharedData { get; } = FindSharedData();

    public static string FixturePath(string relativePath) => Path.Combine(Fixtures, relativePath);

    /// <summary>Skips the calling test with a clear message unless the real file is present.</summary>
    public static string RequireShared(string relativePath)
    {
        var path = SharedData is null ? null : Path.Combine(SharedData, relativePath);
        Skip.If(
            path is null || !File.Exists(path),
            $"Real data file '{relativePath}' not found: set ECOM_DATA_DIR or keep shared/data beside the repository.");
        return SharedData!;
    }

    private static string? FindSharedData()
    {
        var configured = Environment.GetEnvironmentVariable("ECOM_DATA_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? configured : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
