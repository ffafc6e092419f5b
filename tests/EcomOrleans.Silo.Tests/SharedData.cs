namespace EcomOrleans.Silo.Tests;

/// <summary>The real data sets in <c>../shared/data</c> beside the repository (or <c>$ECOM_DATA_DIR</c>).</summary>
internal static class SharedData
{
    public static string Directory =>
        Environment.GetEnvironmentVariable("ECOM_DATA_DIR") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "data"));

    /// <summary>The file's path; skips the test when it is absent.</summary>
    public static string PathOf(string relativePath)
    {
        var path = Path.Combine(Directory, relativePath);
        Skip.IfNot(File.Exists(path), $"{path} is absent: set ECOM_DATA_DIR to the shared data folder to run this test.");
        return path;
    }
}
