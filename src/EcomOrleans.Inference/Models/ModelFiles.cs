using EcomOrleans.Models;

namespace EcomOrleans.Inference.Models;

/// <summary>Reads the files beside a model, failing with messages that name the file.</summary>
internal static class ModelFiles
{
    public static string[] ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException exception)
        {
            throw new ModelLoadException($"Model file '{path}' could not be read: {exception.Message}", exception);
        }
    }

    /// <summary>A raw little-endian float32 file of exactly <paramref name="rows"/> x <paramref name="columns"/> values.</summary>
    public static float[] ReadFloats(string path, int rows, int columns)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException exception)
        {
            throw new ModelLoadException($"Model file '{path}' could not be read: {exception.Message}", exception);
        }

        var expected = (long)rows * columns * sizeof(float);
        if (bytes.Length != expected)
        {
            throw new ModelLoadException($"Model file '{path}' has {bytes.Length} bytes; {rows} x {columns} float32 values need {expected}.");
        }

        return Float32File.Decode(bytes);
    }
}
