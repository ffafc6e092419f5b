namespace EcomOrleans.LoadGen.Datasets;

/// <summary>Opens a data set's files with an error that says where they were looked for.</summary>
internal static class DataFiles
{
    public static string PathOf(string dataDirectory, string relativePath, string dataset)
    {
        var path = Path.Combine(dataDirectory, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Data set '{dataset}' needs '{Path.GetFullPath(path)}'. Point --data-dir (or ECOM_DATA_DIR) at the shared data folder.", path);
        }

        return path;
    }

    public static StreamReader OpenText(string dataDirectory, string relativePath, string dataset) =>
        new(PathOf(dataDirectory, relativePath, dataset), new FileStreamOptions { BufferSize = 1 << 16 });
}
