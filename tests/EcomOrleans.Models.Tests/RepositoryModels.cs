namespace EcomOrleans.Models.Tests;

/// <summary>The repository's committed models folder.</summary>
internal static class RepositoryModels
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Directory.Packages.props")))
            {
                return System.IO.Path.Combine(directory.FullName, "models");
            }
        }

        throw new InvalidOperationException("No Directory.Packages.props above the test folder.");
    }
}
