using EcomOrleans.Models;

namespace EcomOrleans.Inference.Models;

/// <summary>What tells a new version of a model folder apart: the manifest's and the ONNX file's write times and sizes.</summary>
internal readonly record struct FolderStamp(DateTime Manifest, DateTime Onnx, long OnnxLength)
{
    public static FolderStamp Of(string directory)
    {
        var manifest = new FileInfo(Path.Combine(directory, ModelManifest.FileName));
        var onnx = Directory.GetFiles(directory, "*.onnx").Select(f => new FileInfo(f)).OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault();
        return new FolderStamp(manifest.Exists ? manifest.LastWriteTimeUtc : default, onnx?.LastWriteTimeUtc ?? default, onnx?.Length ?? 0);
    }
}
