using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace EcomOrleans.Models;

/// <summary>The data a model was trained on: the file's name and SHA-256, and how it was split.</summary>
public sealed record TrainingData(string File, string Sha256, JsonObject? Split = null)
{
    public static TrainingData Of(string path, JsonObject? split = null) => new(Path.GetFileName(path), Sha256Of(path), split);

    /// <summary>The lower-case hex SHA-256 of the file at <paramref name="path"/>.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
