using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace EcomOrleans.Training.Common;

internal sealed record TrainingData(string File, string Sha256, JsonObject? Split = null)
{
    public static TrainingData Of(string path, JsonObject? split = null) => new(Path.GetFileName(path), Sha256Of(path), split);

    public static string Sha256Of(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
