namespace EcomOrleans.Training.Tests;

/// <summary>Where the repository's models and the shared data sets are.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Models => Path.Combine(RepositoryRoot, "models");

    /// <summary>ECOM_DATA_DIR, else ../shared/data beside the repository.</summary>
    public static string DataDirectory =>
        Environment.GetEnvironmentVariable("ECOM_DATA_DIR") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    /// <summary>The path of a shared data file; skips the test when it is absent.</summary>
    public static string RequireData(string relativePath)
    {
        var path = Path.Combine(DataDirectory, relativePath);
        Skip.IfNot(File.Exists(path), $"{path} is absent: set ECOM_DATA_DIR to the shared data folder to run this test.");
        return path;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No Directory.Packages.props above the test folder.");
    }
}
